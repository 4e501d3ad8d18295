import { defineConfig } from "@playwright/test";

// Drives Debian's chromium (apt-get install chromium): Playwright's own browser download cannot run here.
export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/global-setup.ts",
  fullyParallel: false,
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/results.json" }]],
  use: {
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox"] },
    locale: "en-US",
    trace: "retain-on-failure",
  },
});
