import type { Page } from '@playwright/test'
import { cards, expect, openRentDialog, Sim, signIn, test } from './fixtures'

/**
 * The page's clock jumps sixteen minutes while only seconds pass for the simulator's rate
 * limits, so the app's pacer (on the page's clock) would space the two rents by less than Vast's
 * 4.5 s: the simulator leaves pacing to the app here.
 */
const PACED_BY_THE_APP = { rateLimits: false }

const writes = async (sim: Sim) => ({
  deletes: (await sim.requests({ method: 'DELETE', path: /^\/api\/v0\/instances\/\d+\/$/ })).map(
    (r) => r.path,
  ),
  rents: (await sim.requests({ method: 'PUT', path: /^\/api\/v0\/asks\/\d+\/$/ })).map(
    (r) => r.path,
  ),
})

/**
 * Rents the first offer, which the simulator makes boot slowly (half an hour), with the rent
 * dialog's fallback opt-in as given; returns the late instance's card and its id.
 */
async function rentSlowBoot(page: Page, sim: Sim, auto: boolean) {
  await signIn(page, sim.key)
  await page.clock.install()
  await page.goto('/')
  // The first row's offer (the one the rent dialog opens on), by its compare box's name.
  const first = page
    .getByRole('table', { name: 'GPU offers' })
    .getByRole('checkbox', { name: /^Compare offer \d+$/ })
    .first()
  const offerId = Number((await first.getAttribute('aria-label'))?.match(/(\d+)$/)?.[1])
  await sim.simulate({ slowBoot: { offers: [offerId] } })

  const dialog = await openRentDialog(page)
  // Nothing measured here yet: the default deadline.
  await expect(
    dialog.getByText(/^Boot deadline: 15 min \(no boot of this machine or model measured/),
  ).toBeVisible()
  const optIn = dialog.getByRole('checkbox', {
    name: 'If it is not running by the deadline, destroy it and rent the next best match automatically (once)',
  })
  await optIn.setChecked(auto)
  await dialog.getByRole('button', { name: 'Rent', exact: true }).click()
  const card = cards(page).first()
  await expect(card).toHaveCount(1)
  const id = Number((await card.getByRole('heading').innerText()).match(/Instance (\d+)/)?.[1])
  await sim.advance(60_000)
  await expect(card).toContainText('Loading image…')
  await expect(card.getByText(/^Not running after/)).toHaveCount(0)
  expect(await writes(sim)).toEqual({ deletes: [], rents: [`/api/v0/asks/${offerId}/`] })
  return { card, id, offerId }
}

test('a slow boot past its deadline offers the fallback, which destroys it and rents the next best match', async ({
  page,
  request,
}) => {
  const sim = await Sim.create(request, PACED_BY_THE_APP)
  const { card, id, offerId } = await rentSlowBoot(page, sim, false)

  // Sixteen minutes on, still loading: the card says so and offers the fallback.
  await sim.advance(15 * 60_000)
  await page.clock.fastForward('16:00')
  await expect(
    card.getByText(
      'Not running after 15 min — no boot of this machine or GPU model was measured here yet.',
    ),
  ).toBeVisible()
  await card.getByRole('button', { name: 'Destroy and rent the next best match' }).click()

  // One confirmation lists both: what is destroyed, and what is rented at what price.
  const dialog = page.getByRole('dialog', { name: `Replace instance ${id}?` })
  await expect(dialog.getByRole('listitem').first()).toContainText(
    `Destroy instance ${id}. All data on instance ${id}`,
  )
  const rentItem = dialog.getByRole('listitem').nth(1)
  await expect(rentItem).toContainText(/^Rent offer \d+: .+ at \$\d+\.\d{3}\/hr \(disk included\)/)
  const text = await rentItem.innerText()
  const nextOffer = Number(text.match(/^Rent offer (\d+)/)?.[1])
  const price = text.match(/at (\$\d+\.\d{3})\/hr/)?.[1] ?? ''
  expect(nextOffer).not.toBe(offerId)
  expect(await writes(sim)).toEqual({ deletes: [], rents: [`/api/v0/asks/${offerId}/`] })

  await dialog.getByRole('button', { name: `Destroy and rent at ${price}/hr` }).click()
  await expect(dialog).toBeHidden()
  // Exactly one DELETE (the late instance) and one more PUT (the next best match).
  await expect
    .poll(() => writes(sim))
    .toEqual({
      deletes: [`/api/v0/instances/${id}/`],
      rents: [`/api/v0/asks/${offerId}/`, `/api/v0/asks/${nextOffer}/`],
    })
  await expect(cards(page)).toHaveCount(1)
  await expect(cards(page).first()).not.toContainText(`Instance ${id}`)
  await page.getByText(/^Events( \(\d+ new\))?$/).click()
  await expect(
    page
      .getByRole('region', { name: 'Instance events' })
      .getByText(
        new RegExp(
          `Instance ${id} was not running by its boot deadline: destroyed; rented offer ${nextOffer}`,
        ),
      ),
  ).toBeVisible()
})

test('opted in, a slow boot is replaced automatically, once', async ({ page, request }) => {
  // Every machine of this market boots slowly, the replacement too.
  const sim = await Sim.create(request, { ...PACED_BY_THE_APP, slowBoots: 1 })
  const { card, id, offerId } = await rentSlowBoot(page, sim, true)
  await expect(
    card.getByText(/destroyed and the next best match rented automatically/),
  ).toHaveCount(0)
  await sim.advance(15 * 60_000)
  await page.clock.fastForward('16:00')
  // The next look (every 15 s) finds it late, destroys it and rents the next best match.
  await page.clock.runFor(15_000)
  await expect.poll(async () => (await writes(sim)).deletes).toEqual([`/api/v0/instances/${id}/`])
  await expect.poll(async () => (await writes(sim)).rents).toHaveLength(2)
  const rents = (await writes(sim)).rents
  expect(rents[0]).toBe(`/api/v0/asks/${offerId}/`)
  await page.getByText(/^Events( \(\d+ new\))?$/).click()
  await expect(
    page
      .getByRole('region', { name: 'Instance events' })
      .getByText(
        new RegExp(
          `Instance ${id} was not running by its boot deadline: destroyed; rented offer \\d+`,
        ),
      ),
  ).toBeVisible()

  // The replacement is late too: its card says so and offers the fallback by hand, but the
  // automatic one was used: nothing more is sent.
  const replacement = cards(page).first()
  await expect(replacement).not.toContainText(`Instance ${id}`)
  await sim.advance(16 * 60_000)
  await page.clock.fastForward('16:00')
  await page.clock.runFor(30_000)
  await expect(replacement.getByText(/^Not running after 15 min/)).toBeVisible()
  await expect(
    replacement.getByRole('button', { name: 'Destroy and rent the next best match' }),
  ).toBeVisible()
  expect(await writes(sim)).toEqual({ deletes: [`/api/v0/instances/${id}/`], rents })
})
