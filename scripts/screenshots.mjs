// Takes the README's screenshots from the demo (the simulator in the browser, no key, no
// network): the offers, the rent dialog with its template list open and the instances, in the
// light and the dark theme, at 1440×900, 1024×768 and on a 390×844 phone.
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
  { name: 'offers-1024', width: 1024, height: 768, theme: 'light' },
  { name: 'offers-phone', width: 390, height: 844, theme: 'light', mobile: true },
  { name: 'rent-templates-light', width: 1440, height: 900, theme: 'light', rent: true },
  {
    name: 'rent-templates-phone',
    width: 390,
    height: 844,
    theme: 'dark',
    mobile: true,
    rent: true,
  },
  { name: 'instances-dark', width: 1440, height: 900, theme: 'dark', tab: 'Instances' },
  { name: 'instances-1024', width: 1024, height: 768, theme: 'light', tab: 'Instances' },
  {
    name: 'instances-phone',
    width: 390,
    height: 844,
    theme: 'dark',
    mobile: true,
    tab: 'Instances',
  },
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
      // Every demo account read (they are paced), so the figures are whole.
      await page.getByText(/not included yet/).waitFor({ state: 'detached', timeout: 20_000 })
      await page.waitForTimeout(500)
    }
    if (shot.rent) {
      await page.getByRole('button', { name: 'Rent', exact: true }).first().click()
      const picker = page.getByRole('dialog').getByRole('combobox', { name: 'Template' })
      await picker.click()
      await page.getByRole('group', { name: 'Recommended' }).waitFor()
    } else await page.mouse.move(0, 0)
    await page.screenshot({ path: `${OUT}${shot.name}.png` })
    console.log(`docs/screenshots/${shot.name}.png`)
    await context.close()
  }
  await browser.close()
} finally {
  server.kill()
}
