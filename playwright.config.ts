import { existsSync } from 'node:fs'
import { defineConfig, devices } from '@playwright/test'

export const SIM_PORT = Number(process.env.E2E_SIM_PORT ?? 8787)
export const APP_PORT = Number(process.env.E2E_APP_PORT ?? 4317)
/** Where the builds under test live (parallel checkouts can build into their own folders). */
const APP_DIST = process.env.E2E_DIST ?? 'dist'
const SIM_DIST = process.env.E2E_SIM_DIST ?? 'dist-sim'
const SYSTEM_CHROMIUM = '/usr/bin/chromium'
const CI = Boolean(process.env.CI)

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  forbidOnly: CI,
  retries: CI ? 1 : 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL: `http://127.0.0.1:${APP_PORT}`,
    trace: 'retain-on-failure',
    ...devices['Desktop Chrome'],
    launchOptions: existsSync(SYSTEM_CHROMIUM)
      ? {
          executablePath: SYSTEM_CHROMIUM,
          args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        }
      : {},
  },
  webServer: [
    {
      // The Vast API simulator over real HTTP (built by `npm run build:sim`).
      command: `node ${SIM_DIST}/serve.js`,
      url: `http://127.0.0.1:${SIM_PORT}/__sim/health`,
      env: { MOCK_PORT: String(SIM_PORT) },
      reuseExistingServer: !CI,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      // The app exactly as `npm start` serves it: the production build behind its own API proxy.
      command: 'node server/main.mjs',
      url: `http://127.0.0.1:${APP_PORT}/`,
      env: {
        PORT: String(APP_PORT),
        HOST: '127.0.0.1',
        VAST_API_URL: `http://127.0.0.1:${SIM_PORT}`,
        // The simulator serves request_logs' result_url itself (S3's part).
        VAST_LOG_URL_PREFIX: `http://127.0.0.1:${SIM_PORT}/vast.ai/instance_logs/`,
        DIST_DIR: APP_DIST,
      },
      reuseExistingServer: !CI,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
})
