import { createHmac } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { Browser, expect, Page, TestInfo } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

export const jsOn = (info: TestInfo) => info.project.use.javaScriptEnabled !== false;

const problems = new WeakMap<Page, string[]>();

/** What the browser refused or failed to run on this page so far: Content-Security-Policy
 * violations (an inline style or script the policy blocks renders on the server but does
 * nothing in the browser) and uncaught script errors. Starts watching on first call. */
function browserProblems(page: Page): string[] {
  let found = problems.get(page);
  if (!found) {
    const list: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" && /Content Security Policy|Refused to/i.test(m.text())) {
        list.push(`${page.url()}: ${m.text()}`);
      }
    });
    page.on("pageerror", (e) => list.push(`${page.url()}: ${e.message}`));
    problems.set(page, list);
    found = list;
  }
  return found;
}

/** After any navigation: with JavaScript on, wait until the page's script has run, so a broken
 * bundle fails instead of silently falling back to plain form posts. Staff pages hydrate with
 * the wasm (`body[data-hydrated]`); residents' and public pages ship none, only a small script
 * (`body[data-enhanced]`). */
export async function settled(page: Page, info: TestInfo) {
  await page.waitForLoadState("load");
  expect(browserProblems(page), "the browser console").toEqual([]);
  if (!jsOn(info)) return;
  const hydrates = (await page.locator("link[rel=modulepreload]").count()) > 0;
  if (!hydrates) {
    await expect(page.locator("body[data-enhanced=true]")).toHaveCount(1);
    await expect(page.locator("link[rel=preload][as=fetch]")).toHaveCount(0);
    return;
  }
  // No reload on failure: a page that does not hydrate is a bug to find. (A reload once
  // stood here; it never fired in ten full runs since only staff pages ship wasm.)
  await expect(page.locator("body[data-hydrated=true]")).toHaveCount(1, { timeout: 20_000 });
}

const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

async function violations(page: Page) {
  // A page of one frame is checked by axe in place. Its default, for pages with frames, gathers
  // each frame's findings and opens a blank tab to combine them: a third of every check's
  // time on the staff journeys, for nothing where there is one frame.
  const oneFrame = page.frames().length === 1;
  const results = await new AxeBuilder({ page }).withTags(WCAG).setLegacyMode(oneFrame).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** axe-core runs as a script in the page, which a page with JavaScript off cannot do. So the
 * page the resident has in front of them (its HTML as the browser holds it, so an error page
 * answered to a post is checked as it is, not fetched again) is loaded into a probe tab where
 * only axe runs: the app's own scripts and wasm are blocked, leaving exactly the
 * no-JavaScript page. One probe tab per browser serves every check: a new browser context per
 * page cost a second or more each on a busy machine, and a journey checks twenty pages. */
interface Probe {
  tab: Page;
  url: string;
  html: string;
}
const probes = new WeakMap<Browser, Promise<Probe>>();

async function openProbe(browser: Browser): Promise<Probe> {
  const context = await browser.newContext({ javaScriptEnabled: true });
  const probe: Probe = { tab: await context.newPage(), url: "", html: "" };
  await probe.tab.route("**/*", (route) => {
    const requested = route.request().url();
    if (requested === probe.url) return route.fulfill({ body: probe.html, contentType: "text/html; charset=utf-8" });
    if (/\.(js|wasm)$/.test(new URL(requested).pathname)) return route.abort();
    return route.continue();
  });
  return probe;
}

async function violationsWithoutJs(page: Page) {
  const browser = page.context().browser()!;
  if (!probes.has(browser)) probes.set(browser, openProbe(browser));
  const probe = await probes.get(browser)!;
  // A request's address never carries the fragment; the page's may ("Change" links do).
  probe.url = page.url().replace(/#.*$/, "");
  probe.html = await page.content();
  await probe.tab.setViewportSize(page.viewportSize()!);
  // From a blank page, so that going to the address the probe is already on still loads it.
  await probe.tab.goto("about:blank");
  await probe.tab.goto(probe.url);
  return await violations(probe.tab);
}

/** There must be no WCAG 2.0, 2.1 or 2.2 A or AA violations that axe can find. */
export async function expectAccessible(page: Page, info: TestInfo) {
  const found = jsOn(info) ? await violations(page) : await violationsWithoutJs(page);
  expect(found, `axe violations on ${page.url()}`).toEqual([]);
}

export async function visit(page: Page, info: TestInfo, path: string) {
  browserProblems(page);
  await page.goto(path);
  await settled(page, info);
  await expectAccessible(page, info);
}

/** Presses a button or link that loads a new page, then checks that page. */
export async function go(page: Page, info: TestInfo, action: () => Promise<void>) {
  const before = page.url();
  // A step leads to another address (with JavaScript on, links change it without a page
  // load) or loads a page at the same one (a form posted back with its errors): wait for
  // whichever comes, then for the new page's data. Both are watched from before the action,
  // so neither can be missed; waiting for the address alone once cost ten seconds a post.
  const moved = page.waitForURL((u) => u.toString() !== before, { timeout: 10_000 });
  const loaded = page.waitForEvent("load", { timeout: 10_000 });
  await action();
  await Promise.any([moved, loaded]).catch(() => {});
  await settled(page, info);
  await expect(page.locator(".loading")).toHaveCount(0);
  await expectAccessible(page, info);
}

export function question(page: Page, prompt: string | RegExp) {
  return page.getByRole("group", { name: prompt });
}

export async function score(page: Page, prompt: string | RegExp, value: number) {
  await question(page, prompt).getByLabel(String(value), { exact: true }).check();
}

export async function pick(page: Page, prompt: string | RegExp, label: string) {
  await question(page, prompt).getByLabel(label, { exact: true }).check();
}

export async function continueOn(page: Page, info: TestInfo) {
  await go(page, info, () => page.getByRole("button", { name: /^Continue/ }).click());
}

/** The code an authenticator app shows now for a base32 key (RFC 6238: SHA-1, 6 digits,
 * 30 seconds), as a person would read it off their phone. */
export function totp(base32: string, now = Date.now()): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const ch of base32.replace(/=+$/, "").toUpperCase()) {
    bits += alphabet.indexOf(ch).toString(2).padStart(5, "0");
  }
  const key = Buffer.from((bits.match(/.{8}/g) ?? []).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(now / 1000 / 30)));
  const mac = createHmac("sha1", key).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const code = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return code.toString().padStart(6, "0");
}

/** A message in the test SMTP server's mailbox (scripts/test starts it and passes
 * KILN_TEST_MAILDIR): who it went to, its subject, its plain text and raw headers. */
export interface Mail {
  to: string;
  subject: string;
  text: string;
  raw: string;
}

function decodeQuotedPrintable(body: string): string {
  const bytes = body
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
  return Buffer.from(bytes, "latin1").toString("utf8");
}

/** Every message delivered to `to` so far. */
export function mailTo(to: string): Mail[] {
  const dir = process.env.KILN_TEST_MAILDIR;
  if (!dir) throw new Error("KILN_TEST_MAILDIR is not set: run the tests with scripts/test");
  const found: Mail[] = [];
  for (const sub of ["new", "cur"]) {
    const folder = path.join(dir, sub);
    if (!fs.existsSync(folder)) continue;
    for (const name of fs.readdirSync(folder)) {
      const raw = fs.readFileSync(path.join(folder, name), "utf8");
      const header = (n: string) => raw.match(new RegExp(`^${n}: (.*)$`, "mi"))?.[1]?.trim() ?? "";
      if (!header("To").includes(to)) continue;
      // The plain-text part: after its part headers, up to the next boundary.
      const part = raw.split(/Content-Type: text\/plain[^\n]*\n/i)[1] ?? "";
      const [headers, ...rest] = part.split(/\r?\n\r?\n/);
      const body = rest.join("\n\n").split(/\r?\n--/)[0];
      const text = /quoted-printable/i.test(headers) ? decodeQuotedPrintable(body) : body;
      found.push({ to, subject: header("Subject"), text, raw });
    }
  }
  return found;
}

/** Waits for the message to `to` whose subject starts with `subject`. */
export async function waitForMail(to: string, subject: string): Promise<Mail> {
  let found: Mail | undefined;
  await expect
    .poll(() => {
      found = mailTo(to).find((m) => m.subject.startsWith(subject));
      return found !== undefined;
    }, { message: `an email "${subject}" to ${to}`, timeout: 20_000 })
    .toBe(true);
  return found!;
}

/** The first link in a message's text to a path starting with `prefix`, as a path. */
export function linkIn(mail: Mail, prefix: string): string {
  const m = mail.text.match(new RegExp(`https?://[^/\\s]+(${prefix.replace(/\//g, "\\/")}[^\\s]*)`));
  if (!m) throw new Error(`no ${prefix} link in: ${mail.text}`);
  return m[1];
}
