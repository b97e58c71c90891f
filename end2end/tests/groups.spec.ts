import { expect, test } from "@playwright/test";
import { expectAccessible, go, linkIn, pick, score, settled, totp, visit, waitForMail } from "./helpers";

// scripts/test makes this project's administrator and starts the server with a real SMTP
// server, whose mailbox is read here. Runs before the officers' journeys publish the waves.
const PASSWORD = process.env.KILN_E2E_PASSWORD ?? "e2e password for kiln";

/** The day of the journey's event, in the council's time, as the three date boxes want it:
 * today, which it spans from 00:00 to 23:59; after 23:00, tomorrow, whose event takes answers
 * from an hour before it starts. Either way the event is on for the whole journey (a run just
 * before midnight once found today's event over half-way through). */
function eventDay(): { day: string; month: string; year: string } {
  const london = (at: Date) =>
    new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit" })
      .formatToParts(at)
      .reduce((parts, p) => ({ ...parts, [p.type]: p.value }), {} as Record<string, string>);
  const now = new Date();
  const lateEvening = Number(london(now).hour) >= 23;
  // Two hours on from after 23:00 is always tomorrow, whatever the clocks do that night.
  const day = london(lateEvening ? new Date(now.getTime() + 2 * 3600_000) : now);
  return { day: String(Number(day.day)), month: String(Number(day.month)), year: day.year };
}

test("an administrator sets up a group; its organiser plans an event and invites a volunteer, who enters residents' answers (by keyboard alone where JavaScript runs, offline, and from paper, checked by the organiser); a kiosk takes answers and clears itself", async ({ page }, info) => {
  test.setTimeout(300_000);
  // Both servers of a run share the mailbox: names and addresses of this run's own.
  const tag = Math.random().toString(16).slice(2, 8);
  const group = `Fenton Friends ${tag}`;
  const organiser = `organiser-${tag}@example.org`;
  const volunteer = `volunteer-${tag}@example.org`;

  // The administrator signs in (setting up two-factor sign-in) and sets up the group.
  await visit(page, info, "/admin/groups");
  await page.getByLabel("Email address").fill(`e2e-${info.project.name}@example.org`);
  await page.getByLabel("Password").fill(PASSWORD);
  await go(page, info, () => page.getByRole("button", { name: "Sign in" }).click());
  const secret = (await page.getByTestId("totp-secret").innerText()).replace(/\s/g, "");
  await page.getByLabel("Code", { exact: true }).fill(totp(secret));
  await go(page, info, () => page.getByRole("button", { name: "Finish signing in" }).click());
  await visit(page, info, "/admin/groups");
  // A mistake first: the summary and the fields say so, and what was typed stays.
  await page.getByLabel("Name", { exact: true }).fill(group);
  await page.getByLabel("Contact email address").fill("not an address");
  await go(page, info, () => page.getByRole("button", { name: "Set up the group" }).click());
  await expect(page.locator(".error-summary")).toContainText("Select at least one ward the group works in");
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(group);
  await page.getByLabel("Contact email address").fill("hello@fentonfriends.example.org");
  await page.getByRole("group", { name: "Wards the group works in" }).getByLabel("Fenton East", { exact: true }).check();
  await go(page, info, () => page.getByRole("button", { name: "Set up the group" }).click());
  await expect(page.getByRole("status")).toContainText(`${group} is set up.`);
  await page.getByLabel("Full name").fill("Olu Organiser");
  await page.getByLabel("Email address", { exact: true }).fill(organiser);
  await go(page, info, () => page.getByRole("button", { name: "Send invitation" }).click());
  await expect(page.getByRole("status")).toContainText(`Invitation sent to ${organiser}`);

  // The organiser chooses a password from their email, in a browser of their own.
  const other = await page.context().browser()!.newContext({
    baseURL: info.project.use.baseURL,
    viewport: info.project.use.viewport,
    javaScriptEnabled: info.project.use.javaScriptEnabled,
  });
  const olu = await other.newPage();
  const invite = await waitForMail(organiser, "You are invited");
  await visit(olu, info, linkIn(invite, "/invitation/"));
  await olu.getByLabel("New password", { exact: true }).fill("a long organiser password");
  await olu.getByLabel("New password again").fill("a long organiser password");
  await go(olu, info, () => olu.getByRole("button", { name: "Save the password" }).click());
  await visit(olu, info, "/sign-in");
  await olu.getByLabel("Email address").fill(organiser);
  await olu.getByLabel("Password").fill("a long organiser password");
  await go(olu, info, () => olu.getByRole("button", { name: "Sign in" }).click());
  await expect(olu.getByRole("heading", { level: 1 })).toHaveText(group);

  // The organiser plans today's event.
  await go(olu, info, () => olu.getByRole("link", { name: "Plan an event" }).click());
  const d = eventDay();
  await olu.getByLabel("Title").fill(`Coffee morning ${tag}`);
  await olu.getByLabel("Day").fill(d.day);
  await olu.getByLabel("Month").fill(d.month);
  await olu.getByLabel("Year").fill(d.year);
  await olu.getByLabel("Starts at").fill("00:00");
  await olu.getByLabel("Ends at").fill("23:59");
  await olu.getByLabel("Where").fill("Fenton Library, Baker Street");
  await olu.getByLabel("Ward").selectOption({ label: "Fenton East" });
  await olu.getByRole("group", { name: /Which surveys/ }).getByLabel(/Wellbeing/).first().check();
  await olu.getByLabel("Yes, anyone may come").check();
  await go(olu, info, () => olu.getByRole("button", { name: "Plan the event" }).click());
  await expect(olu.getByRole("status")).toContainText(`Coffee morning ${tag} is planned.`);
  const eventPage = new URL(olu.url()).pathname;

  // Residents find it on the public events page, with a calendar file.
  await visit(page, info, "/events");
  await expect(page.getByRole("link", { name: `Coffee morning ${tag}` })).toBeVisible();
  await go(page, info, () => page.getByRole("link", { name: `Coffee morning ${tag}` }).click());
  await expect(page.getByText(group).first()).toBeVisible();
  const ics = await page.request.get(await page.getByRole("link", { name: "Add to your calendar" }).getAttribute("href") ?? "");
  expect(await ics.text()).toContain(`SUMMARY:Coffee morning ${tag}`);

  // The organiser invites a volunteer, who joins.
  await go(olu, info, () => olu.getByRole("link", { name: "People" }).click());
  await olu.getByLabel("Full name").fill("Vic Volunteer");
  await olu.getByLabel("Email address").fill(volunteer);
  await go(olu, info, () => olu.getByRole("button", { name: "Send invitation" }).click());
  await expect(olu.getByRole("status")).toContainText(`Invitation sent to ${volunteer}`);
  const third = await page.context().browser()!.newContext({
    baseURL: info.project.use.baseURL,
    viewport: info.project.use.viewport,
    javaScriptEnabled: info.project.use.javaScriptEnabled,
  });
  const vic = await third.newPage();
  const welcome = await waitForMail(volunteer, "You are invited");
  await visit(vic, info, linkIn(welcome, "/invitation/"));
  await vic.getByLabel("New password", { exact: true }).fill("a long volunteer password");
  await vic.getByLabel("New password again").fill("a long volunteer password");
  await go(vic, info, () => vic.getByRole("button", { name: "Save the password" }).click());
  await visit(vic, info, "/sign-in");
  await vic.getByLabel("Email address").fill(volunteer);
  await vic.getByLabel("Password").fill("a long volunteer password");
  await go(vic, info, () => vic.getByRole("button", { name: "Sign in" }).click());
  await expect(vic.getByRole("heading", { level: 1 })).toHaveText(group);

  // The volunteer enters three residents' answers, each on one page: where JavaScript runs,
  // by keyboard alone; without it, by pointer, the first with a mistake, which the page
  // names, keeping everything else.
  for (let n = 1; n <= 3; n++) {
    await visit(vic, info, eventPage);
    const started = Date.now();
    await go(vic, info, () => vic.getByRole("button", { name: /Enter a resident's answers: Wellbeing/ }).click());
    if (info.project.use.javaScriptEnabled) {
      // By keyboard alone: the ward by typing its name, scores by their digits, options by
      // their first letters, Enter to move on, Space to confirm the agreement, Enter to send.
      await vic.getByLabel("Which ward do you live in?").focus();
      const keys = vic.keyboard;
      await keys.type("Fenton East");
      for (const key of ["Enter", "7", "Enter", "8", "Enter", "6", "Enter", "2", "Enter", "h", "Enter", "d", "Enter", "g", "Enter", "3", "Enter", "Enter"]) {
        await keys.press(key);
      }
      await expect(vic.getByLabel(/The resident agreed to answer/)).toBeFocused();
      await keys.press("Space");
      await keys.press("Tab");
      await go(vic, info, () => keys.press("Enter"));
      await expect(vic.getByRole("status")).toContainText(`Answers sent. ${n} ${n === 1 ? "response" : "responses"} entered at this event so far.`);
      console.log(`${info.project.name}: response ${n} entered by keyboard in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      continue;
    }
    await vic.getByLabel("Which ward do you live in?").selectOption({ label: "Fenton East" });
    await score(vic, /satisfied are you with your life/, 7);
    await score(vic, /worthwhile/, 8);
    await score(vic, /how happy did you feel yesterday/, 6);
    await score(vic, /how anxious did you feel/, 2);
    await pick(vic, "How often do you feel lonely?", "Hardly ever");
    await pick(vic, /managing financially/, "Doing alright");
    await pick(vic, "How is your health in general?", "Good");
    await pick(vic, "What is your age?", "35 to 44");
    if (n === 1) {
      await go(vic, info, () => vic.getByRole("button", { name: "Send these answers" }).click());
      await expect(vic.locator(".error-summary")).toContainText("Confirm the resident agreed");
      await expect(question(vic, /satisfied are you with your life/).getByLabel("7", { exact: true })).toBeChecked();
    }
    await vic.getByLabel(/The resident agreed to answer/).check();
    await go(vic, info, () => vic.getByRole("button", { name: "Send these answers" }).click());
    await expect(vic.getByRole("status")).toContainText(`Answers sent. ${n} ${n === 1 ? "response" : "responses"} entered at this event so far.`);
    console.log(`${info.project.name}: response ${n} entered in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  // Where there is no signal: the offline entry page, opened once while connected, keeps
  // working without a connection, keeps each resident's answers on the device, and sends
  // them when the connection returns. Without JavaScript it says it needs it.
  await visit(vic, info, eventPage);
  const offlinePage = (await vic.locator('a[href*="/offline/"]').first().getAttribute("href"))!;
  if (info.project.use.javaScriptEnabled) {
    await go(vic, info, () => vic.getByRole("link", { name: /Enter answers offline: Wellbeing/ }).click());
    await expect(vic.locator("body")).toHaveAttribute("data-offline-ready", "true", { timeout: 15_000 });
    const samePageTwice = () =>
      vic.evaluate(async () => {
        const one = await (await fetch(location.pathname)).text();
        const two = await (await fetch(location.pathname)).text();
        return one === two;
      });
    // Each page the server sends is made afresh (it differs each time); the kept copy does not.
    expect(await samePageTwice(), "two pages from the server").toBe(false);
    await third.setOffline(true);
    await vic.reload();
    await settled(vic, info);
    await expect(vic.getByRole("heading", { level: 1 })).toContainText("with or without a connection");
    expect(await samePageTwice(), "the service worker's kept copy").toBe(true);
    await expectAccessible(vic, info);
    const keep = vic.getByRole("button", { name: "Keep these answers and send them" });
    await keep.click();
    await expect(vic.locator(".error-summary")).toContainText("Confirm the resident agreed");
    await expect(vic.locator(".error-summary")).toBeFocused();
    await expectAccessible(vic, info);
    for (const n of [1, 2]) {
      await vic.getByLabel("Which ward do you live in?").selectOption({ label: "Fenton East" });
      await score(vic, /satisfied are you with your life/, 4 + n);
      await score(vic, /worthwhile/, 8);
      await score(vic, /how happy did you feel yesterday/, 6);
      await score(vic, /how anxious did you feel/, 2);
      await pick(vic, "How often do you feel lonely?", "Hardly ever");
      await pick(vic, /managing financially/, "Doing alright");
      await pick(vic, "How is your health in general?", "Good");
      await vic.getByLabel(/The resident agreed to answer/).check();
      await keep.click();
      await expect(vic.getByRole("status")).toContainText(`${n} waiting to send`);
      await expect(vic.locator(".error-summary")).toHaveCount(0);
    }
    await expect(vic.getByRole("status")).toContainText("No connection");
    await third.setOffline(false);
    await expect(vic.getByRole("status")).toContainText("Nothing waiting to send.", { timeout: 15_000 });
    await visit(vic, info, eventPage);
    await expect(vic.getByTestId("entered")).toHaveText("5 responses entered at this event.");
  } else {
    await visit(vic, info, offlinePage);
    await expect(vic.getByText("This page needs JavaScript")).toBeVisible();
  }

  // Paper forms: the volunteer types up a batch of one sheet (a mistake first) and
  // finishes it; the organiser, who typed none of it, checks it and it counts.
  await visit(vic, info, eventPage);
  await go(vic, info, () => vic.getByRole("button", { name: /Start a batch of paper forms: Wellbeing/ }).click());
  await go(vic, info, () => vic.getByRole("button", { name: "Save this sheet" }).click());
  await expect(vic.locator(".error-summary")).toContainText("Enter the number written on the sheet");
  await vic.getByLabel("Sheet number").fill("7");
  await vic.getByLabel("Which ward do you live in?").selectOption({ label: "Fenton East" });
  await score(vic, /satisfied are you with your life/, 6);
  await score(vic, /worthwhile/, 7);
  await score(vic, /how happy did you feel yesterday/, 5);
  await score(vic, /how anxious did you feel/, 4);
  await pick(vic, "How often do you feel lonely?", "Occasionally");
  await pick(vic, /managing financially/, "Doing alright");
  await pick(vic, "How is your health in general?", "Good");
  await go(vic, info, () => vic.getByRole("button", { name: "Save this sheet" }).click());
  await expect(vic.getByRole("status")).toContainText("Sheet 7 saved.");
  await go(vic, info, () => vic.getByRole("button", { name: "Finish the batch" }).click());
  await expect(vic.getByTestId("batch-state")).toContainText("waiting for another volunteer");
  const batchPage = new URL(vic.url()).pathname;
  await third.close();
  await visit(olu, info, batchPage);
  await go(olu, info, () => olu.getByRole("button", { name: "Checked: every sheet matches its paper form" }).click());
  await expect(olu.getByRole("status")).toContainText("Batch checked: its sheet now counts in the results.");

  // The organiser turns a tablet into a kiosk for the event.
  await visit(olu, info, eventPage);
  await go(olu, info, () => olu.getByRole("button", { name: /Set up a kiosk: Wellbeing/ }).click());
  const notice = await olu.getByRole("status").innerText();
  const code = notice.match(/Kiosk code: ([A-Z0-9-]{14})/)![1];
  await other.close();
  const fourth = await page.context().browser()!.newContext({
    baseURL: info.project.use.baseURL,
    viewport: info.project.use.viewport,
    javaScriptEnabled: info.project.use.javaScriptEnabled,
  });
  const tablet = await fourth.newPage();
  await visit(tablet, info, "/kiosk");
  await tablet.getByLabel("Kiosk code").fill(code);
  await go(tablet, info, () => tablet.getByRole("button", { name: "Start the kiosk" }).click());
  await expect(tablet.getByRole("heading", { level: 1 })).toHaveText("Have your say: Wellbeing survey");

  // A resident answers and sends; the tablet goes back to the start on its own.
  await go(tablet, info, () => tablet.getByRole("button", { name: "Start" }).click());
  await tablet.getByLabel("Which ward do you live in?").selectOption({ label: "Fenton East" });
  await score(tablet, /satisfied are you with your life/, 5);
  await score(tablet, /worthwhile/, 6);
  await score(tablet, /how happy did you feel yesterday/, 7);
  await score(tablet, /how anxious did you feel/, 3);
  await pick(tablet, "How often do you feel lonely?", "Some of the time");
  await pick(tablet, /managing financially/, "Just about getting by");
  await pick(tablet, "How is your health in general?", "Fair");
  await go(tablet, info, () => tablet.getByRole("button", { name: "Send your answers" }).click());
  await expect(tablet.getByRole("status")).toContainText("Thank you: your answers have been sent.");
  await expect(tablet).toHaveURL(/\/kiosk$/);
  await expect(tablet.getByRole("heading", { level: 1 })).toHaveText("Have your say: Wellbeing survey");

  // The next person starts, chooses one answer and walks away: after the idle time the
  // tablet is back at the start, and their answer is gone.
  await go(tablet, info, () => tablet.getByRole("button", { name: "Start" }).click());
  await score(tablet, /satisfied are you with your life/, 2);
  const abandoned = tablet.url();
  if (info.project.use.javaScriptEnabled) {
    // Asked first, with a button to stay.
    await expect(tablet.getByRole("alertdialog", { name: "Are you still there?" })).toBeVisible({ timeout: 10_000 });
    await expect(tablet.getByRole("button", { name: "I'm still here" })).toBeFocused();
  }
  await tablet.waitForURL(/\/kiosk$/, { timeout: 30_000 });
  await expect(tablet.getByRole("button", { name: "Start" })).toBeVisible();
  await tablet.goto(abandoned);
  await expect(tablet).toHaveURL(/\/kiosk$/);

  // Only the organiser can leave kiosk mode.
  await visit(tablet, info, "/kiosk/leave");
  await tablet.getByLabel("Organiser's email address").fill(organiser);
  await tablet.getByLabel("Password").fill("a long organiser password");
  await go(tablet, info, () => tablet.getByRole("button", { name: "End the kiosk" }).click());
  await expect(tablet.getByRole("heading", { level: 1 })).toHaveText("Set up a kiosk");
  await fourth.close();
});

function question(page: import("@playwright/test").Page, prompt: RegExp) {
  return page.getByRole("group", { name: prompt });
}
