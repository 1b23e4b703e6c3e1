// Takes the README's screenshots from the demo (the simulator in the browser, no key, no
// network): the offers at 1440×900 in the light and the dark theme, and a 390×844 phone.
// Usage: npm run screenshots (builds the app first). Writes docs/screenshots/*.png.
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import { chromium } from '@playwright/test'

const PORT = Number(process.env.SCREENSHOT_PORT ?? 4390)
const OUT = new URL('../docs/screenshots/', import.meta.url).pathname
const SYSTEM_CHROMIUM = '/usr/bin/chromium'
const SHOTS = [
  { name: 'offers-light', width: 1440, height: 900, theme: 'light' },
  { name: 'offers-dark', width: 1440, height: 900, theme: 'dark' },
  { name: 'offers-phone', width: 390, height: 844, theme: 'light', mobile: true },
  { name: 'instances-dark', width: 1440, height: 900, theme: 'dark', tab: 'Instances' },
]

mkdirSync(OUT, { recursive: true })
const server = spawn('node', ['server/main.mjs'], {
  env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1' },
  stdio: 'ignore',
})
const base = `http://127.0.0.1:${PORT}`
try {
  for (let i = 0; i < 50; i++) {
    if (
      await fetch(base).then(
        (r) => r.ok,
        () => false,
      )
    )
      break
    await new Promise((r) => setTimeout(r, 200))
  }
  const browser = await chromium.launch(
    existsSync(SYSTEM_CHROMIUM)
      ? { executablePath: SYSTEM_CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] }
      : {},
  )
  for (const shot of SHOTS) {
    const context = await browser.newContext({
      viewport: { width: shot.width, height: shot.height },
      deviceScaleFactor: 1,
      isMobile: Boolean(shot.mobile),
      hasTouch: Boolean(shot.mobile),
      colorScheme: shot.theme,
    })
    const page = await context.newPage()
    await page.goto(base)
    await page.getByRole('button', { name: 'Try the demo' }).click()
    await page.getByRole('button', { name: 'Rent', exact: true }).first().waitFor()
    if (shot.tab) {
      await page.getByRole('tab', { name: shot.tab }).click()
      await page.getByRole('heading', { name: shot.tab, level: 1 }).waitFor()
      await page.waitForTimeout(500)
    }
    await page.mouse.move(0, 0)
    await page.screenshot({ path: `${OUT}${shot.name}.png` })
    console.log(`docs/screenshots/${shot.name}.png`)
    await context.close()
  }
  await browser.close()
} finally {
  server.kill()
}
