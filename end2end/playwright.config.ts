import { defineConfig, devices } from "@playwright/test";

// The server is started by scripts/test (KILN_E2E_URL). Chromium is Debian's: Playwright's own
// browser download cannot work here, and must never be attempted.
const baseURL = process.env.KILN_E2E_URL ?? "http://127.0.0.1:3000";
const chromium = {
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
  ],
};
const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 800 };

export default defineConfig({
  testDir: "./tests",
  timeout: 60_000,
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [["list"]],
  use: { baseURL, trace: "off", launchOptions: chromium },
  // Publishing a wave closes it to responses, so the officers' journey (which publishes the
  // open wave) runs after every resident journey has finished.
  projects: [
    {
      name: "phone-js",
      testIgnore: /(officer|invitations|groups)\.spec\.ts/,
      use: { ...devices["Desktop Chrome"], viewport: phone, isMobile: false, hasTouch: true, javaScriptEnabled: true },
    },
    {
      name: "phone-nojs",
      testIgnore: /(officer|invitations|groups)\.spec\.ts/,
      use: { ...devices["Desktop Chrome"], viewport: phone, isMobile: false, hasTouch: true, javaScriptEnabled: false },
    },
    {
      // A community group's journey: entering answers into the open wave, so before the
      // officers' journeys publish it.
      name: "groups-desktop-js",
      testMatch: /groups\.spec\.ts/,
      use: { ...devices["Desktop Chrome"], viewport: desktop, javaScriptEnabled: true },
    },
    {
      name: "groups-phone-nojs",
      testMatch: /groups\.spec\.ts/,
      use: { ...devices["Desktop Chrome"], viewport: phone, isMobile: false, hasTouch: true, javaScriptEnabled: false },
    },
    {
      // Invites the open wave's panel: alone, before the officers' journeys publish it.
      name: "invitations",
      testMatch: /invitations\.spec\.ts/,
      dependencies: ["phone-js", "phone-nojs"],
      use: { ...devices["Desktop Chrome"], viewport: desktop, javaScriptEnabled: true },
    },
    {
      name: "officer-phone-js",
      testMatch: /officer\.spec\.ts/,
      dependencies: ["invitations", "groups-desktop-js", "groups-phone-nojs"],
      use: { ...devices["Desktop Chrome"], viewport: phone, isMobile: false, hasTouch: true, javaScriptEnabled: true },
    },
    {
      name: "officer-phone-nojs",
      testMatch: /officer\.spec\.ts/,
      dependencies: ["invitations", "groups-desktop-js", "groups-phone-nojs"],
      use: { ...devices["Desktop Chrome"], viewport: phone, isMobile: false, hasTouch: true, javaScriptEnabled: false },
    },
    {
      name: "desktop-js",
      testMatch: /officer\.spec\.ts/,
      dependencies: ["invitations", "groups-desktop-js", "groups-phone-nojs"],
      use: { ...devices["Desktop Chrome"], viewport: desktop, javaScriptEnabled: true },
    },
    {
      name: "desktop-nojs",
      testMatch: /officer\.spec\.ts/,
      dependencies: ["invitations", "groups-desktop-js", "groups-phone-nojs"],
      use: { ...devices["Desktop Chrome"], viewport: desktop, javaScriptEnabled: false },
    },
  ],
});
