import { defineConfig } from '@playwright/test';

// The server under test: the debug build cargo-leptos made, on its own SQLite file
// with the demo organization, on a port of its own so a dev server can keep running.
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
export const DEMO_PASSWORD = 'e2e-demo-password';

export default defineConfig({
  testDir: './tests',
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 1,
  timeout: 30_000,
  reporter: [['list']],
  outputDir: 'test-results',
  globalSetup: './global-setup.ts',
  use: {
    baseURL,
    // Signed in as the demo staff user; tests about signing in start from a clean context.
    storageState: '.auth/staff.json',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      // Debian's Chromium: Playwright never downloads a browser here.
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'desktop', use: { viewport: { width: 1280, height: 800 } } },
    { name: 'phone', use: { viewport: { width: 360, height: 740 }, hasTouch: true } },
  ],
  webServer: {
    command: './target/debug/server --demo-if-empty',
    cwd: '..',
    url: `${baseURL}/healthz`,
    timeout: 600_000,
    reuseExistingServer: !process.env.CI,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      DATABASE_URL: 'sqlite://target/e2e.db?mode=rwc',
      MEMBERPULSE_BIND: `127.0.0.1:${port}`,
      LEPTOS_OUTPUT_NAME: 'memberpulse',
      LEPTOS_SITE_ROOT: 'target/site',
      LEPTOS_SITE_PKG_DIR: 'pkg',
      LEPTOS_SITE_ADDR: `127.0.0.1:${port}`,
      LEPTOS_RELOAD_PORT: '3101',
      // The demo accounts get this password instead of random ones (tests only).
      MEMBERPULSE_DEMO_PASSWORD: DEMO_PASSWORD,
      // Every test signs in from 127.0.0.1; the limit itself is tested over HTTP.
      MEMBERPULSE_SIGN_IN_LIMIT: '1000',
    },
  },
});
