// Before `npm test`: the e2e suite needs a Chromium. Debian's (/usr/bin/chromium, installed by
// .ci/run) is used when present; otherwise Playwright's own Chromium is downloaded once.
import { existsSync } from 'node:fs'
import { spawnSync } from 'node:child_process'

const SYSTEM_CHROMIUM = '/usr/bin/chromium'

if (existsSync(SYSTEM_CHROMIUM)) {
  console.log(`Using the system Chromium at ${SYSTEM_CHROMIUM}.`)
} else {
  console.log('No system Chromium: installing Playwright’s Chromium…')
  const result = spawnSync('npx', ['--no', '--', 'playwright', 'install', 'chromium'], {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  })
  if (result.status !== 0) process.exit(result.status ?? 1)
}
