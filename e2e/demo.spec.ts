import { expect, preferCards, test } from './fixtures'

test('the demo runs the whole journey in the browser without a key', async ({ page }) => {
  await preferCards(page)
  await page.goto('/')
  await page.getByRole('button', { name: 'Try the demo' }).click()
  await expect(page.getByRole('banner')).toContainText('Demo mode')
  const table = page.getByRole('table', { name: 'GPU offers' })
  await table.getByRole('button', { name: /^Rent/ }).first().click()
  await page.getByRole('dialog').getByRole('button', { name: 'Rent', exact: true }).click()
  const card = page.getByRole('article', { name: /^Instance \d+/ }).first()
  await expect(card).toBeVisible()
  await expect(
    page
      .getByRole('article', { name: /^Instance \d+/ })
      .filter({ hasText: 'Provisioning' })
      .first(),
  ).toBeVisible()

  // Two simulated accounts: one view of both, and a switch to the team's.
  await expect(page.getByRole('region', { name: 'All accounts' })).toContainText('Demo: team')
  await page.getByRole('combobox', { name: 'Account' }).selectOption({ label: 'Demo: team' })
  await expect(page.getByRole('heading', { name: 'Demo: team (active account)' })).toBeVisible()
  await expect(page.getByRole('article', { name: /notebook-old/ })).toBeVisible()

  await page.reload()
  await expect(page.getByRole('banner')).toContainText('Demo mode')
  await page.getByRole('tab', { name: 'Account' }).click()
  await page.getByRole('button', { name: 'Leave demo' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Leave demo' }).click()
  await expect(page.getByLabel('API key')).toBeVisible()
})
