import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, isInView, signIn, test } from './fixtures'

const firstRent = (page: Page) => page.getByRole('button', { name: 'Rent', exact: true }).first()

test.describe('Layout', () => {
  for (const { width, height } of [
    { width: 1440, height: 900 },
    { width: 1024, height: 768 },
  ]) {
    test(`at ${width}×${height} the first offer row starts within 400 px, Rent in view`, async ({
      page,
      sim,
    }) => {
      await page.setViewportSize({ width, height })
      await signIn(page, sim.key)
      await page.goto('/')
      const table = page.getByRole('table', { name: 'GPU offers' })
      const row = table.locator('tbody tr[aria-rowindex]').first()
      await expect(row).toBeVisible()
      const box = await row.boundingBox()
      expect(box?.y).toBeLessThanOrEqual(400)
      const rent = await firstRent(page).boundingBox()
      expect((rent?.x ?? Infinity) + (rent?.width ?? 0)).toBeLessThanOrEqual(width)
      // The page is the only scroller: no inner scroll box around the table.
      expect(await page.evaluate(() => document.scrollingElement?.scrollWidth)).toBeLessThanOrEqual(
        width,
      )
      await page.mouse.wheel(0, 2000)
      await expect
        .poll(() =>
          table
            .locator('thead')
            .boundingBox()
            .then((b) => Math.round(b?.y ?? -1)),
        )
        .toBeGreaterThan(0)
    })
  }

  test('on a 390×844 phone: no sideways scrolling; the first offer’s GPU, price and Rent in view together', async ({
    page,
    sim,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 })
    await signIn(page, sim.key)
    await page.goto('/')
    const card = page.getByRole('article', { name: /^Offer \d+:/ }).first()
    await expect(card).toBeVisible()
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    expect(await isInView(card.getByRole('heading'))).toBe(true)
    expect(await isInView(card.getByText(/^\$\d+\.\d{3}$/))).toBe(true)
    expect(await isInView(card.getByRole('button', { name: 'Rent', exact: true }))).toBe(true)

    // The rent dialog fits the phone.
    await card.getByRole('button', { name: 'Rent', exact: true }).click()
    const dialog = page.getByRole('dialog')
    const box = await dialog.boundingBox()
    expect(box?.width).toBeLessThanOrEqual(390)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
  })

  test('the dark theme is chosen, kept across a reload without a light flash, and passes axe contrast', async ({
    page,
    sim,
  }) => {
    await signIn(page, sim.key)
    await page.goto('/')
    await expect(firstRent(page)).toBeVisible()
    await page.getByRole('radio', { name: 'Dark' }).check()
    await expect(page.locator('html')).toHaveClass(/\bdark\b/)
    // boot.js sets the class before the app's script runs: check it at the first paint.
    await page.reload({ waitUntil: 'domcontentloaded' })
    await expect(page.locator('html')).toHaveClass(/\bdark\b/)
    await expect(firstRent(page)).toBeVisible()
    const results = await new AxeBuilder({ page }).withRules(['color-contrast']).analyze()
    expect(results.violations.flatMap((v) => v.nodes.map((n) => n.target.join(' ')))).toEqual([])

    await page.getByRole('tab', { name: 'Account' }).click()
    await expect(page.getByRole('heading', { name: 'Account', level: 1 })).toBeVisible()
    const account = await new AxeBuilder({ page }).withRules(['color-contrast']).analyze()
    expect(account.violations.flatMap((v) => v.nodes.map((n) => n.target.join(' ')))).toEqual([])
  })

  test('the system’s dark preference is followed until a theme is chosen', async ({
    page,
    sim,
  }) => {
    await page.emulateMedia({ colorScheme: 'dark' })
    await signIn(page, sim.key)
    await page.goto('/')
    await expect(page.locator('html')).toHaveClass(/\bdark\b/)
    await page.getByRole('radio', { name: 'Light' }).check()
    await expect(page.locator('html')).not.toHaveClass(/\bdark\b/)
  })

  test('keyboard: a skip link, / focuses the GPU model, ? lists the shortcuts', async ({
    page,
    sim,
  }) => {
    await signIn(page, sim.key)
    await page.goto('/')
    await expect(firstRent(page)).toBeVisible()
    await page.keyboard.press('Tab')
    const skip = page.getByRole('link', { name: 'Skip to content' })
    await expect(skip).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(page.locator('main')).toBeFocused()

    await page.keyboard.press('/')
    const gpu = page.getByRole('combobox', { name: 'GPU model' })
    await expect(gpu).toBeFocused()
    await page.keyboard.type('4090')
    const list = page.getByRole('listbox', { name: 'GPU models' })
    await expect(list.getByRole('option').first()).toHaveText('RTX 4090')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    await expect(page.getByRole('button', { name: 'Remove RTX 4090' })).toBeVisible()

    await page.locator('main').focus()
    await page.keyboard.press('?')
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
    await expect(dialog).toBeVisible()
    await expect(dialog).toContainText('Search')
    await page.keyboard.press('Escape')
    await expect(dialog).toBeHidden()
  })

  test('Enter on a GPU fragment with one match picks that model', async ({ page, sim }) => {
    await signIn(page, sim.key)
    await page.goto('/')
    const gpu = page.getByRole('combobox', { name: 'GPU model' })
    await gpu.fill('h100 sx')
    await gpu.press('Enter')
    await expect(page.getByRole('button', { name: 'Remove H100 SXM' })).toBeVisible()
    await expect(gpu).toHaveValue('')
  })

  test('Forget key lives on the Account tab and asks first', async ({ page, sim }) => {
    await signIn(page, sim.key)
    await page.goto('/')
    await expect(page.getByRole('banner').getByRole('button', { name: 'Forget key' })).toHaveCount(
      0,
    )
    await page.getByRole('tab', { name: 'Account' }).click()
    await page.getByRole('button', { name: 'Forget key' }).click()
    const dialog = page.getByRole('dialog', { name: 'Forget this key?' })
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await expect(page.getByRole('heading', { name: 'Account', level: 1 })).toBeVisible()
    await page.getByRole('button', { name: 'Forget key' }).click()
    await dialog.getByRole('button', { name: 'Forget key' }).click()
    await expect(page.getByLabel('API key')).toBeVisible()
  })
})
