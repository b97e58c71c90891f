import { test, expect } from "@playwright/test";
import { continueOn, go, visit, expectAccessible, jsOn, pick, totp } from "./helpers";

// scripts/test makes one administrator per project with `kiln create-admin` before the tests
// run, so that each project's run sets up its own two-factor sign-in.
const PASSWORD = process.env.KILN_E2E_PASSWORD ?? "e2e password for kiln";

test("an officer signs in, reads a wave, downloads it, publishes it and signs out", async ({ page }, info) => {
  // A long journey over a dozen pages, each checked with axe: more than the default minute.
  test.setTimeout(360_000);
  const EMAIL = `e2e-${info.project.name}@example.org`;
  await visit(page, info, "/officer");
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();

  // A wrong password: the summary and the field say so, and the email is kept.
  await page.getByLabel("Email address").fill(EMAIL);
  await page.getByLabel("Password").fill("not the password");
  await go(page, info, () => page.getByRole("button", { name: "Sign in" }).click());
  await expect(page.locator(".error-summary")).toContainText("Enter a correct email address and password");
  await expect(page.getByLabel("Email address")).toHaveValue(EMAIL);

  await page.getByLabel("Password").fill(PASSWORD);
  await go(page, info, () => page.getByRole("button", { name: "Sign in" }).click());

  // An administrator's first sign-in sets up two-factor sign-in: the key is read off the
  // page as an authenticator app would, and its code entered.
  await expect(page.getByRole("heading", { name: "Set up two-factor sign-in" })).toBeVisible();
  await expect(page.getByRole("img", { name: /QR code/ })).toBeVisible();
  await expect(page.getByTestId("recovery-codes").locator("li")).toHaveCount(10);
  await expectAccessible(page, info);
  const secret = (await page.getByTestId("totp-secret").innerText()).replace(/\s/g, "");
  await page.getByLabel("Code", { exact: true }).fill(totp(secret));
  await go(page, info, () => page.getByRole("button", { name: "Finish signing in" }).click());
  await expect(page.getByRole("heading", { name: "Results dashboard" })).toBeVisible();

  // Their own account: two-factor sign-in is on, with ten recovery codes; one session.
  await go(page, info, () => page.getByRole("link", { name: "Your account" }).click());
  await expect(page.getByRole("heading", { name: "Your account", level: 1 })).toBeVisible();
  if (jsOn(info)) {
    // A page changed in the browser moves focus to its heading and is announced, as a full
    // page load would be.
    await expect(page.getByRole("heading", { name: "Your account", level: 1 })).toBeFocused();
    await expect(page.locator("#route-announcer")).toContainText("Your account");
  }
  // Signed in, the header offers the dashboard, not "Staff sign in".
  await expect(page.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "Dashboard" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Staff sign in" })).toHaveCount(0);
  await expect(page.getByText("You have 10 unused recovery codes.", { exact: false })).toBeVisible();
  await expect(page.getByText("This session")).toBeVisible();
  // The email outbox says plainly where messages go (scripts/test gives a mail server).
  await go(page, info, () => page.getByRole("link", { name: "Email", exact: true }).click());
  await expect(page.getByRole("heading", { name: "Email outbox" })).toBeVisible();
  await expect(page.getByTestId("delivery")).toContainText("Messages are sent through the mail server");
  await expectAccessible(page, info);

  // Settings: every benchmark in one table with one Save, not a form and a button each.
  await go(page, info, () => page.getByRole("link", { name: "Settings", exact: true }).click());
  await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Save benchmark/ })).toHaveCount(1);
  const tall = await page.evaluate(() => document.documentElement.scrollHeight);
  // It was 12,000 px on a laptop. On a phone each of the 33 rows is a small card.
  expect(tall, "the settings page's height").toBeLessThan(page.viewportSize()!.width < 600 ? 7500 : 4000);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await page.getByLabel(/^Value for Life satisfaction/).fill("eleven");
  await go(page, info, () => page.getByRole("button", { name: "Save benchmarks" }).click());
  await expect(page.locator(".error-summary")).toContainText("Life satisfaction");
  await expect(page.getByLabel(/^Value for Life satisfaction/)).toHaveValue("eleven");

  // The wellbeing framework as officers see it: the page hydrates with no console error, and
  // a refused value comes back with its error beside the field and what was typed kept.
  await visit(page, info, "/officer/framework");
  await expect(page.getByRole("heading", { name: "Due or overdue" })).toBeVisible();
  await go(page, info, () => page.getByRole("link", { name: "Households experiencing fuel poverty" }).first().click());
  await expect(page.getByText(/values? (is|are) loaded but not yet published/)).toBeVisible();
  await page.getByLabel("Period").fill("2026/27");
  await go(page, info, () => page.getByRole("button", { name: "Save the value" }).click());
  await expect(page.locator(".error-summary")).toContainText("write it as 2026-04-01/P1Y");
  await expect(page.getByLabel("Period")).toHaveValue("2026/27");
  await go(page, info, () => page.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "Dashboard" }).click());
  await expect(page.getByRole("heading", { name: "Results dashboard" })).toBeVisible();

  // The demo has a published baseline and an open follow-up wave for each survey.
  await go(page, info, () => page.getByRole("link", { name: "2026 autumn" }).first().click());
  await expect(page.getByRole("heading", { name: "Manage this wave" })).toBeVisible();
  await expect(page.getByText("Change is measured from the baseline wave, 2026 baseline.")).toBeVisible();
  await expect(page.locator("caption").first()).toBeVisible();

  // Change wave, and back.
  await go(page, info, () => page.getByRole("navigation", { name: "Other waves" }).getByRole("link", { name: "2026 baseline" }).click());
  await expect(page.getByRole("heading", { name: "2026 baseline", level: 1 })).toBeVisible();
  await expect(page.getByText("This is the baseline wave: change is measured from it.")).toBeVisible();
  await go(page, info, () => page.getByRole("navigation", { name: "Other waves" }).getByRole("link", { name: "2026 autumn" }).click());
  await expect(page.getByRole("heading", { name: "2026 autumn", level: 1 })).toBeVisible();

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Indicators (CSV)" }).click();
  expect((await download).suggestedFilename()).toMatch(/indicators\.csv$/);

  await go(page, info, () => page.getByRole("link", { name: /Life satisfaction: average/ }).first().click());
  await expect(page.locator("svg[role=img]").first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "By ward" })).toBeVisible();
  await go(page, info, () => page.getByRole("link", { name: /^Back to/ }).click());
  await expect(page.getByRole("heading", { name: "Manage this wave" })).toBeVisible();

  // Publishing says first what will become public and how much is withheld.
  const publishLink = page.getByRole("link", { name: "Publish results" });
  if (await publishLink.count()) {
    await go(page, info, () => publishLink.click());
    await expect(page.getByRole("heading", { name: /^Publish 2026 autumn\?/ })).toBeVisible();
    await expect(page.getByTestId("publication-summary")).toContainText("figures are withheld");
    await go(page, info, () => page.getByRole("button", { name: "Publish results" }).click());
  }
  await expect(page.getByText("Published", { exact: true })).toBeVisible();
  await expect(page.getByTestId("last-publication")).toContainText("Published by ");

  // Areas: a file with mistakes is refused, and the page says what to fix.
  await go(page, info, () => page.getByRole("link", { name: "Areas", exact: true }).click());
  await expect(page.getByRole("heading", { name: "Areas and population" })).toBeVisible();
  await page.getByLabel("Ward list (CSV)").setInputFiles({
    name: "wards.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("code,name,group\nW1,Alpha,North\nW1,Beta,North\n"),
  });
  await go(page, info, () => page.getByRole("button", { name: "Replace the wards" }).click());
  await expect(page.locator(".error-summary")).toContainText("The file has 1 problem; nothing was changed.");
  await expect(page.locator(".error-list")).toContainText("line 3, column code: W1 appears more than once");
  await expectAccessible(page, info);

  // A survey of the council's own, built in the browser (issue 13): the start page, three
  // sections, a question from the question bank, two of the officer's own, a route and an
  // indicator. Each refusal is named beside its field.
  const key = `parks-${info.project.name}`;
  const title = `Parks survey (${info.project.name})`;
  await go(page, info, () => page.getByRole("link", { name: "Surveys", exact: true }).click());
  await expect(page.getByRole("heading", { name: "Surveys", level: 1 })).toBeVisible();
  await go(page, info, () => page.getByRole("link", { name: "Start a new survey" }).click());
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Key").fill("Parks!");
  await go(page, info, () => page.getByRole("button", { name: "Start the survey" }).click());
  await expect(page.locator(".error-summary")).toContainText("The key must be 2 to 40 lowercase letters");
  await expect(page.getByLabel("Title")).toHaveValue(title);
  await expectAccessible(page, info);
  await page.getByLabel("Key").fill(key);
  await go(page, info, () => page.getByRole("button", { name: "Start the survey" }).click());
  await expect(page.getByRole("status")).toContainText(`Started ${title} as draft version 1`);
  await expect(page.getByTestId("publish-problems")).toContainText("The survey has no sections");
  await page.locator("#details-summary").fill("Tell us about the city's parks.");
  await page.locator("#details-purpose").fill("To decide where the parks budget goes.");
  await page.locator("#details-minutes").fill("3");
  await page.locator("#details-retention").fill("We keep your answers for two years.");
  await go(page, info, () => page.getByRole("button", { name: "Save the start page" }).click());
  await expect(page.getByRole("status")).toContainText("Saved the start page.");
  for (const section of ["Your ward", "Using parks", "Your park"]) {
    await page.locator("#new-section-title").fill(section);
    await go(page, info, () => page.getByRole("button", { name: "Add the section" }).click());
  }
  await expectAccessible(page, info);
  await go(page, info, () => page.getByRole("link", { name: "Questions from the question bank (section 1)" }).click());
  await page.getByLabel(/^Which ward do you live in\?/).check();
  await expectAccessible(page, info);
  await go(page, info, () => page.getByRole("button", { name: "Add the questions" }).click());
  await expect(page.getByRole("status")).toContainText("Added 1 question from the question bank to section 1.");
  await go(page, info, () => page.getByRole("link", { name: "One answer from a list (section 2)" }).click());
  await page.getByLabel("The question", { exact: true }).fill("Have you used a park in the last month?");
  await page.getByLabel("Answers to choose from").fill("Yes");
  await page.getByLabel("Short label").fill("using a park");
  await page.getByLabel("Key (optional)").fill("uses_park");
  await page.getByLabel("The message when a required answer is left blank").fill("Select yes or no");
  await go(page, info, () => page.getByRole("button", { name: "Save the question" }).click());
  await expect(page.locator(".error-summary")).toContainText("Enter at least two answers to choose from");
  await expect(page.getByLabel("The question", { exact: true })).toHaveValue("Have you used a park in the last month?");
  await expectAccessible(page, info);
  await page.getByLabel("Answers to choose from").fill("Yes\nNo");
  await go(page, info, () => page.getByRole("button", { name: "Save the question" }).click());
  await expect(page.getByRole("status")).toContainText("Saved the question.");
  await go(page, info, () => page.getByRole("link", { name: "A scale, such as 0 to 10 or 1 to 5 (section 3)" }).click());
  await page.getByLabel("The question", { exact: true }).fill("How clean was the park?");
  await page.getByLabel("Lowest score", { exact: true }).fill("1");
  await page.getByLabel("What the lowest score means").fill("Very dirty");
  await page.getByLabel("Highest score", { exact: true }).fill("5");
  await page.getByLabel("What the highest score means").fill("Very clean");
  await page.getByLabel("Short label").fill("how clean");
  await page.getByLabel("Key (optional)").fill("park_clean");
  await page.getByLabel("The message when a required answer is left blank").fill("Select how clean it was");
  await go(page, info, () => page.getByRole("button", { name: "Save the question" }).click());
  await go(page, info, () => page.getByRole("link", { name: "Any answers from a list (tick boxes) (section 3)" }).click());
  await page.getByLabel("The question", { exact: true }).fill("What did you do there?");
  await page.getByLabel("Answers to choose from").fill("Walked\nPlayed sport\nMet friends");
  await page.getByLabel("Short label").fill("what you did");
  await page.getByLabel("Key (optional)").fill("park_did");
  await go(page, info, () => page.getByRole("button", { name: "Save the question" }).click());
  await expect(page.getByRole("status")).toContainText("Saved the question.");
  // "No": straight to the check page, past the park's own section.
  await page.locator("#route-2-answer").selectOption("uses_park=no");
  await page.locator("#route-2-goto").selectOption("end");
  // Section 3's tick boxes have a route form too: this is section 2's.
  const routeForm = page.locator("form", { has: page.locator("#route-2-answer") });
  await go(page, info, () => routeForm.getByRole("button", { name: "Add the route" }).click());
  await expect(page.locator("#routes-2 + ul")).toContainText('If using a park is "No": skip to the end');
  await go(page, info, () => page.getByRole("link", { name: "Add an indicator" }).click());
  await page.getByLabel("The question it counts").selectOption("uses_park");
  await go(page, info, () => page.getByRole("button", { name: "Choose the question" }).click());
  await page.getByLabel("Name", { exact: true }).fill("Used a park in the last month");
  await page.getByLabel("Yes", { exact: true }).check();
  await page.getByLabel("Theme").selectOption("greener");
  await expectAccessible(page, info);
  await go(page, info, () => page.getByRole("button", { name: "Add the indicator" }).click());
  await expect(page.locator("#indicators + p + ul")).toContainText("the share answering Yes to using a park");
  await expect(page.getByTestId("publish-problems")).toHaveCount(0);
  await expectAccessible(page, info);
  // The draft previewed on a phone-sized frame before it is published: the start page, then
  // a section with its problems, with the frame's JavaScript off.
  await go(page, info, () => page.getByRole("link", { name: "Preview it on a phone" }).click());
  const frame = page.frameLocator("iframe[data-testid=preview-frame]");
  await expect(frame.getByRole("heading", { level: 1 })).toHaveText(`Parks survey (${info.project.name})`);
  await expect(frame.getByRole("button", { name: "Start now" })).toBeVisible();
  await page.getByLabel("Page").selectOption("2");
  await page.getByLabel("Off").check();
  await page.getByLabel("Show the problems of a section left blank").check();
  // Not `go`: axe cannot run inside a frame that may run no script (it waits for it for
  // ever), so the framed page is checked on its own below.
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/js=off/);
  await expect(page.locator("iframe[data-testid=preview-frame]")).toHaveAttribute("sandbox", "allow-same-origin allow-forms");
  await expect(frame.locator(".error-summary")).toContainText("Select yes or no");
  await expect(frame.getByRole("heading", { level: 1 })).toHaveText("Using parks");
  await visit(page, info, `/preview/${key}/1/section/2?lang=en&errors=1`);
  await expect(page.locator(".error-summary")).toContainText("Select yes or no");
  await visit(page, info, `/officer/surveys/${key}/edit`);
  await go(page, info, () => page.getByRole("button", { name: "Publish version 1" }).click());
  await expect(page.getByRole("status")).toContainText(`Published ${key} version 1`);
  await page.locator(`#wave-key-${key}`).fill("2027");
  await go(page, info, () => page.locator(`form[action$="/${key}/waves"] button`).click());
  await expect(page.getByRole("status")).toContainText(`Opened the wave 2027 of ${key}`);
  await expectAccessible(page, info);

  // A resident answering "No" goes straight to the check page, past the park's questions.
  await visit(page, info, `/surveys/${key}`);
  await go(page, info, () => page.getByRole("button", { name: "Start now" }).click());
  await page.getByLabel("Which ward do you live in?").selectOption("prefer_not_to_say");
  await continueOn(page, info);
  await pick(page, /used a park/, "No");
  await continueOn(page, info);
  await expect(page.getByRole("heading", { name: "Check your answers before sending them" })).toBeVisible();
  await expect(page.locator(".summary-row", { hasText: "Have you used a park" })).toContainText("No");
  await expect(page.getByText("How clean was the park?")).toHaveCount(0);
  await go(page, info, () => page.getByRole("button", { name: "Send your answers" }).click());
  await expect(page.getByTestId("receipt")).toBeVisible();

  // Another answering "Yes" is asked about the park, and ticks two of its boxes: both are
  // kept, in the list's order.
  await visit(page, info, `/surveys/${key}`);
  await go(page, info, () => page.getByRole("button", { name: "Start now" }).click());
  await page.getByLabel("Which ward do you live in?").selectOption("prefer_not_to_say");
  await continueOn(page, info);
  await pick(page, /used a park/, "Yes");
  await continueOn(page, info);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your park");
  await pick(page, "How clean was the park?", "4");
  await continueOn(page, info);
  await expect(page.locator(".error-summary")).toContainText("Select an answer about what you did");
  await expect(page.getByRole("radio", { name: "4", exact: true })).toBeChecked();
  await expectAccessible(page, info);
  await page.getByRole("checkbox", { name: "Met friends" }).check();
  await page.getByRole("checkbox", { name: "Walked" }).check();
  await continueOn(page, info);
  await expect(page.locator(".summary-row", { hasText: "What did you do there?" })).toContainText(
    "Walked, Met friends",
  );
  await go(page, info, () => page.getByRole("button", { name: "Send your answers" }).click());
  await expect(page.getByTestId("receipt")).toBeVisible();

  // Translated into Urdu in the browser, every text marked complete: residents are then
  // offered Urdu on every page of the survey.
  await visit(page, info, `/officer/surveys/${key}/translations`);
  await expect(page.locator("tbody tr").first()).toContainText("Not until all");
  await expectAccessible(page, info);
  await go(page, info, () => page.getByRole("link", { name: "Urdu", exact: true }).click());
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Urdu translation of");
  const urdu: Record<string, string> = {
    title: "پارکوں کا سروے",
    "q.area.prompt": "آپ کس وارڈ میں رہتے ہیں؟",
    "q.uses_park.prompt": "کیا آپ نے پچھلے مہینے کسی پارک کا استعمال کیا ہے؟",
    "q.uses_park.required_message": "ہاں یا نہیں چنیں",
    "q.uses_park.o.yes": "ہاں",
    "q.uses_park.o.no": "نہیں",
    "q.park_clean.prompt": "پارک کتنا صاف تھا؟",
  };
  for (const box of await page.locator("textarea").all()) {
    const id = (await box.getAttribute("name"))!.slice("text:".length);
    await box.fill(urdu[id] ?? `اردو متن ${id}`);
    await page.locator(`select[name="status:${id}"]`).selectOption("complete");
  }
  await go(page, info, () => page.getByRole("button", { name: "Save the translations" }).click());
  await expect(page.getByRole("status")).toContainText(/Saved \d+ texts/);
  await expect(page.locator("textarea").first()).toHaveAttribute("dir", "rtl");
  await expectAccessible(page, info);

  // A resident chooses Urdu by its link: the page reads right to left, the route is
  // followed, and problems are said in Urdu.
  await visit(page, info, `/surveys/${key}`);
  await go(page, info, () => page.getByRole("link", { name: "اردو" }).click());
  await expect(page.locator("html")).toHaveAttribute("lang", "ur");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(urdu.title);
  await expectAccessible(page, info);
  await go(page, info, () => page.getByRole("button", { name: "ابھی شروع کریں" }).click());
  await page.getByLabel(urdu["q.area.prompt"]).selectOption("prefer_not_to_say");
  await go(page, info, () => page.getByRole("button", { name: "جاری رکھیں", exact: true }).click());
  await go(page, info, () => page.getByRole("button", { name: "جاری رکھیں", exact: true }).click());
  await expect(page.locator(".error-summary")).toContainText("ایک مسئلہ ہے");
  await expect(page.locator(".error-summary")).toContainText(urdu["q.uses_park.required_message"]);
  await expectAccessible(page, info);
  // Right to left as drawn: each radio button sits to the right of its label, and the
  // error summary's border is on its right.
  const radio = await page.getByRole("radio", { name: urdu["q.uses_park.o.no"] }).boundingBox();
  const label = await page.locator("label", { hasText: urdu["q.uses_park.o.no"] }).boundingBox();
  expect(radio!.x).toBeGreaterThan(label!.x);
  const shot = await page.screenshot({ fullPage: true });
  await info.attach("urdu-section", { body: shot, contentType: "image/png" });
  await pick(page, urdu["q.uses_park.prompt"], urdu["q.uses_park.o.no"]);
  // Changing language on a page of answers keeps what was chosen there, with or without
  // JavaScript: the language choices submit the page's answers, unchecked.
  await go(page, info, () => page.locator(".language-links").getByRole("button", { name: "English" }).click());
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  await expect(page.getByRole("radio", { name: "No", exact: true })).toBeChecked();
  await expect(page.locator(".error-summary")).toHaveCount(0);
  await go(page, info, () => page.locator(".language-links").getByRole("button", { name: "اردو" }).click());
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("radio", { name: urdu["q.uses_park.o.no"] })).toBeChecked();
  await go(page, info, () => page.getByRole("button", { name: "جاری رکھیں", exact: true }).click());
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("بھیجنے سے پہلے اپنے جوابات چیک کریں");
  await expect(page.locator(".summary-row", { hasText: urdu["q.uses_park.prompt"] })).toContainText(
    urdu["q.uses_park.o.no"],
  );
  await expect(page.getByText(urdu["q.park_clean.prompt"])).toHaveCount(0);
  await expectAccessible(page, info);
  await go(page, info, () => page.getByRole("button", { name: "اپنے جوابات بھیجیں" }).click());
  await expect(page.getByTestId("receipt")).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  // Back to English for what follows.
  await visit(page, info, "/?lang=en");
  await visit(page, info, "/officer");
  // The new survey's own indicator is on its wave's page (its figure withheld: two answers).
  await visit(page, info, `/officer/${key}/2027`);
  await expect(page.getByText("Used a park in the last month").first()).toBeVisible();

  await go(page, info, () => page.getByRole("button", { name: "Sign out" }).click());
  await expect(page.getByText("You have signed out.")).toBeVisible();
  await expectAccessible(page, info);

  // Signing in again asks for a code after the password (the page is checked, not answered:
  // the code just used is good only once in its 30 seconds).
  await page.getByLabel("Email address").fill(EMAIL);
  await page.getByLabel("Password").fill(PASSWORD);
  await go(page, info, () => page.getByRole("button", { name: "Sign in" }).click());
  await expect(page.getByRole("heading", { name: "Enter your code" })).toBeVisible();
  await go(page, info, () => page.getByRole("button", { name: "Sign in" }).click());
  await expect(page.locator(".error-summary")).toContainText("Enter the 6-digit code");

  // Anyone can now see the published results, without signing in.
  await visit(page, info, "/results");
  await go(page, info, () => page.getByRole("link", { name: "2026 autumn" }).first().click());
  await expect(page.getByRole("link", { name: "Download every published figure (CSV)" })).toBeVisible();
  await visit(page, info, "/results");
  await go(page, info, () => page.getByRole("link", { name: "Annual report 2026" }).click());
  await expect(page.getByRole("heading", { name: "Annual report 2026", level: 1 })).toBeVisible();
  await expect(page.locator("table.table-report").first()).toBeVisible();
  await visit(page, info, "/results/methodology");
  await expect(page.getByRole("heading", { name: "Withheld figures" })).toBeVisible();
});

test("someone who has forgotten their password asks for a link", async ({ page }, info) => {
  await visit(page, info, "/sign-in");
  await go(page, info, () => page.getByRole("link", { name: "Forgotten your password?" }).click());
  await expect(page.getByRole("heading", { name: "Forgotten your password?" })).toBeVisible();
  // Nothing typed: the summary and the field say so.
  await go(page, info, () => page.getByRole("button", { name: "Send the link" }).click());
  await expect(page.locator(".error-summary")).toContainText("Enter your email address");
  await expectAccessible(page, info);
  // The same answer whether or not the address has an account.
  await page.getByLabel("Email address").fill(`nobody-${info.project.name}@example.org`);
  await go(page, info, () => page.getByRole("button", { name: "Send the link" }).click());
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await expect(page.getByText(`nobody-${info.project.name}@example.org`)).toBeVisible();
  await expectAccessible(page, info);
  // A link that is not (or no longer) good says what to do.
  await visit(page, info, "/reset-password/not-a-real-link");
  await expect(page.getByRole("heading", { name: "This link no longer works" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Ask for a new link" })).toBeVisible();
  await expectAccessible(page, info);
});
