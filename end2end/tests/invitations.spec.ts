import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { continueOn, expectAccessible, go, linkIn, mailTo, pick, score, totp, visit, waitForMail } from "./helpers";

// scripts/test makes this project's administrator, starts the server with a real SMTP server
// (whose mailbox is read here) and says where the database and the kiln binary are, for
// `kiln send-reminders`. It runs alone, before the officers' journeys publish the wave.
const PASSWORD = process.env.KILN_E2E_PASSWORD ?? "e2e password for kiln";
const FIELDWORK = "/officer/wellbeing/2026-autumn/fieldwork";

test("an officer invites the panel; a resident answers from the emailed link, once; no reminder follows them; they leave", async ({ page }, info) => {
  test.setTimeout(240_000);
  // Both servers of a run share the mailbox: addresses of this run's own.
  const tag = Math.random().toString(16).slice(2, 10);
  const invitee = `invitee-${tag}@example.org`;
  const bystander = `bystander-${tag}@example.org`;

  // Two residents join the panel and confirm from their email.
  for (const email of [invitee, bystander]) {
    await visit(page, info, "/panel");
    await page.getByLabel("Email address").fill(email);
    await go(page, info, () => page.getByRole("button", { name: "Send me a link to confirm" }).click());
    const confirm = await waitForMail(email, "Confirm you want to join the residents' panel");
    await visit(page, info, linkIn(confirm, "/updates/confirm/"));
    await go(page, info, () => page.getByRole("button", { name: "Join the panel" }).click());
    await expect(page.getByRole("status")).toContainText("Welcome to the panel");
  }

  // The officer (an administrator, setting up two-factor sign-in) invites the panel.
  await visit(page, info, FIELDWORK);
  await page.getByLabel("Email address").fill(`e2e-${info.project.name}@example.org`);
  await page.getByLabel("Password").fill(PASSWORD);
  await go(page, info, () => page.getByRole("button", { name: "Sign in" }).click());
  const secret = (await page.getByTestId("totp-secret").innerText()).replace(/\s/g, "");
  await page.getByLabel("Code", { exact: true }).fill(totp(secret));
  await go(page, info, () => page.getByRole("button", { name: "Finish signing in" }).click());
  await visit(page, info, FIELDWORK);
  await expect(page.getByRole("heading", { name: /^Fieldwork/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Invite residents" })).toBeVisible();
  // A mistake first: the summary and the field say so, and what was typed stays.
  const panelForm = () => page.locator("form", { has: page.getByRole("button", { name: "Invite the panel" }) });
  await panelForm().getByLabel(/^Every panel member not yet invited/).check();
  await panelForm().getByLabel(/^First reminder/).fill("soon");
  await go(page, info, () => page.getByRole("button", { name: "Invite the panel" }).click());
  await expect(page.locator(".error-summary")).toContainText("Enter the number of days as a whole number, like 7");
  await expect(panelForm().getByLabel(/^First reminder/)).toHaveValue("soon");
  await expect(panelForm().getByLabel(/^Every panel member not yet invited/)).toBeChecked();
  await panelForm().getByLabel(/^First reminder/).fill("1");
  await go(page, info, () => page.getByRole("button", { name: "Invite the panel" }).click());
  await expect(page.getByRole("status")).toContainText("Invited 2 panel members.");

  // The resident opens the link in their email (a new browser) and answers.
  const invitation = await waitForMail(invitee, "Please take part");
  const link = linkIn(invitation, "/take-part/");
  const elsewhere = await page.context().browser()!.newContext({
    baseURL: info.project.use.baseURL,
    viewport: info.project.use.viewport,
    javaScriptEnabled: info.project.use.javaScriptEnabled,
  });
  const resident = await elsewhere.newPage();
  await visit(resident, info, link);
  await expect(resident.getByText(/never linked to you/)).toBeVisible();
  await go(resident, info, () => resident.getByRole("button", { name: "Start the survey" }).click());
  await expect(resident.getByText("Section 1 of 4")).toBeVisible();
  await resident.getByLabel("Which ward do you live in?").selectOption({ label: "Tunstall" });
  await continueOn(resident, info);
  await score(resident, /satisfied are you with your life/, 7);
  await score(resident, /worthwhile/, 8);
  await score(resident, /how happy did you feel yesterday/, 6);
  await score(resident, /how anxious did you feel/, 2);
  await continueOn(resident, info);
  await pick(resident, "How often do you feel lonely?", "Hardly ever");
  await pick(resident, /managing financially/, "Doing alright");
  await pick(resident, "How is your health in general?", "Good");
  await continueOn(resident, info);
  await pick(resident, "What is your age?", "35 to 44");
  await continueOn(resident, info);
  await go(resident, info, () => resident.getByRole("button", { name: "Send your answers" }).click());
  await expect(resident.getByRole("heading", { level: 1 })).toContainText("your answers have been sent");

  // The code cannot be used again: the same words as a wrong code.
  await visit(resident, info, link);
  await go(resident, info, () => resident.getByRole("button", { name: "Start the survey" }).click());
  await expect(resident.locator(".error-summary")).toContainText("not right, or it has been used already");
  await expectAccessible(resident, info);

  // A day later the reminders go: to the bystander, not to the one who answered.
  const tomorrow = new Date(Date.now() + 24 * 3600 * 1000).toISOString().slice(0, 10);
  execFileSync(process.env.KILN_E2E_KILN!, ["send-reminders", "--as-of", tomorrow], {
    env: { ...process.env, DATABASE_URL: process.env.KILN_E2E_DATABASE_URL },
  });
  await waitForMail(bystander, "Reminder");
  await visit(page, info, FIELDWORK);
  await expect(page.getByTestId("invitations-by-ward").locator("tr", { hasText: "All" })).toHaveText(/All\s*2\s*1\s*1/);
  expect(mailTo(invitee).filter((m) => m.subject.startsWith("Reminder"))).toEqual([]);

  // The resident leaves the panel from the link in their email.
  await visit(resident, info, linkIn(invitation, "/updates/leave/"));
  await go(resident, info, () => resident.getByRole("button", { name: "Leave the panel" }).click());
  await expect(resident.getByRole("status")).toContainText("you have left the panel");
  await elsewhere.close();
});
