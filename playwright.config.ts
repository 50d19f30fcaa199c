import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './tests/support/chromium.ts';

// E2E_PORT lets two checkouts run their e2e suites side by side without sharing a stand-in.
const STAND_IN_PORT = Number(process.env['E2E_PORT'] ?? 4400);
const isCi = Boolean(process.env['CI']);

/**
 * End-to-end tests run the packaged course (`npm run package` first, so `release/` holds
 * the zips) inside the local LMS stand-in. Chromium is Debian's: no browser is downloaded.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  reporter: 'list',
  retries: 0,
  // Whole-module journeys (15 quiz items, several axe scans) take 10–35 s on 2 cores; the default 30 s is too tight.
  timeout: 120_000,
  // CI machines have 2 cores; one worker keeps the course and the browser from starving each other.
  workers: isCi ? 1 : undefined,
  forbidOnly: isCi,
  use: {
    baseURL: `http://127.0.0.1:${STAND_IN_PORT}`,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: CHROMIUM_PATH,
          args: CHROMIUM_ARGS,
        },
      },
    },
  ],
  webServer: {
    // The Node running Playwright (22.23, with type stripping), whether or not `node` is on PATH.
    command: `"${process.execPath}" src/stand-in/server.ts --port ${STAND_IN_PORT}`,
    url: `http://127.0.0.1:${STAND_IN_PORT}/api/packages`,
    reuseExistingServer: !isCi,
    stdout: 'pipe',
    timeout: 30_000,
  },
});
