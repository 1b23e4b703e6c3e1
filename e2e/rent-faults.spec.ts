// Renting when Vast misbehaves: nothing is ever rented twice, and the user is told what happened.
import { expect, signIn, test, cards, rentButtons } from './fixtures'

test.describe('renting under faults, through the UI', () => {
  test('an offer that vanishes between search and rent: told, nothing rented', async ({
    page,
    sim,
  }) => {
    await signIn(page, sim.key)
    await page.goto('/')
    await rentButtons(page).first().click()
    await sim.simulate({ rent: 'offer_gone' })
    const dialog = page.getByRole('dialog')
    await dialog.getByRole('button', { name: 'Rent', exact: true }).click()
    await expect(dialog.getByRole('alert')).toContainText('just taken by someone else')
    await expect(dialog.getByRole('button', { name: 'Rent', exact: true })).toBeDisabled()
    expect(await sim.requests({ method: 'PUT', path: /^\/api\/v0\/asks\/\d+\/$/ })).toHaveLength(1)
  })

  test('the connection drops after the rent left: not resent, and the user is told it went through', async ({
    page,
    sim,
  }) => {
    await signIn(page, sim.key)
    await page.goto('/')
    await rentButtons(page).first().click()
    await sim.simulate({ rent: 'dropped' })
    const dialog = page.getByRole('dialog')
    const rent = dialog.getByRole('button', { name: 'Rent', exact: true })
    await rent.click()
    const alert = dialog.getByRole('alert')
    await expect(alert).toContainText('may or may not have gone through, so it was not sent again')
    await expect(alert).toContainText(/It did: instance \d+ has appeared in your Instances list/)
    await expect(rent).toBeDisabled()
    expect(await sim.requests({ method: 'PUT', path: /^\/api\/v0\/asks\/\d+\/$/ })).toHaveLength(1)
    await dialog.getByRole('button', { name: 'Close' }).click()
    await page.getByRole('tab', { name: 'Instances' }).click()
    await expect(cards(page)).toHaveCount(1)
  })

  test('a rent that times out: not resent, and the user is told it went through', async ({
    page,
    sim,
  }) => {
    await page.clock.install()
    await signIn(page, sim.key)
    await page.goto('/')
    await rentButtons(page).first().click()
    await sim.simulate({ rent: 'timeout' })
    const dialog = page.getByRole('dialog')
    await dialog.getByRole('button', { name: 'Rent', exact: true }).click()
    const asks = { method: 'PUT', path: /^\/api\/v0\/asks\/\d+\/$/ }
    await expect.poll(async () => (await sim.requests(asks)).length).toBe(1)
    await page.clock.runFor(61_000) // past the 60 s write timeout
    const alert = dialog.getByRole('alert')
    await expect(alert).toContainText('Vast did not answer in time')
    await expect(alert).toContainText(/It did: instance \d+ has appeared in your Instances list/)
    await expect(dialog.getByRole('button', { name: 'Rent', exact: true })).toBeDisabled()
    expect(await sim.requests(asks)).toHaveLength(1)
  })

  test('two tabs cannot rent the same offer at once', async ({ page, context, sim }) => {
    await sim.simulate({ latencyMs: 4000 })
    await signIn(page, sim.key)
    const other = await context.newPage()
    await page.goto('/')
    await other.goto('/')
    await rentButtons(page).first().click()
    await rentButtons(other).first().click()
    const here = page.getByRole('dialog')
    const there = other.getByRole('dialog')
    await expect(here).toContainText(/Offer \d+/)
    const offerText = await here.getByText(/^Offer \d+/).textContent()
    await expect(there).toContainText(offerText?.split(' ·')[0] ?? 'missing')
    await here.getByRole('button', { name: 'Rent', exact: true }).click()
    await expect(here.getByRole('status')).toContainText('Sending the rental to Vast')
    await there.getByRole('button', { name: 'Rent', exact: true }).click()
    await expect(there.getByRole('alert')).toContainText(/another tab is renting this offer/i)
    await expect(cards(page)).toHaveCount(1, { timeout: 20_000 })
    expect(await sim.requests({ method: 'PUT', path: /^\/api\/v0\/asks\/\d+\/$/ })).toHaveLength(1)
  })
})
