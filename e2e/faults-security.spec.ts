// Issue 5, security through the browser: the headers `npm start` sends, hostile API strings
// rendered as inert text, and the key kept out of the URL and the page.
import { expect, openRentDialog, signIn, test } from './fixtures'

const HOSTILE = `<img src=x onerror="document.title='pwned'"><script>document.title='pwned'</script>`

test('the app is served with a strict CSP and friends', async ({ page }) => {
  const response = await page.goto('/')
  const headers = response?.headers() ?? {}
  expect(headers['content-security-policy']).toContain("script-src 'self'")
  expect(headers['content-security-policy']).toContain("connect-src 'self'")
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'")
  expect(headers['content-security-policy']).not.toContain('unsafe-inline')
  expect(headers['referrer-policy']).toBe('no-referrer')
  expect(headers['x-content-type-options']).toBe('nosniff')
  await expect(page.getByLabel('API key')).toBeVisible()
})

test('a label holding HTML and script comes back from the API as inert text', async ({
  page,
  sim,
}) => {
  await signIn(page, sim.key)
  await page.goto('/')
  const dialog = await openRentDialog(page)
  await dialog.getByLabel('Label').fill(HOSTILE)
  await dialog.getByRole('button', { name: 'Rent', exact: true }).click()

  const card = page.getByRole('article', { name: /^Instance \d+/ })
  await expect(card).toHaveCount(1)
  await expect(card.getByText(HOSTILE).first()).toBeVisible()
  await expect(card.locator('img[src="x"]')).toHaveCount(0)
  await expect(card.locator('script')).toHaveCount(0)
  expect(await page.title()).not.toBe('pwned')
  const rentals = await sim.requests({ method: 'PUT', path: /^\/api\/v0\/asks\/\d+\/$/ })
  expect(rentals[0]?.body).toMatchObject({ label: HOSTILE })

  // The key: never in the URL, the page or the request log's query strings.
  expect(page.url()).not.toContain(sim.key)
  expect(await page.content()).not.toContain(sim.key)
  for (const r of await sim.requests()) expect(JSON.stringify(r.query)).not.toContain(sim.key)
})
