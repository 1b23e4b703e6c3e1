import type { Page } from '@playwright/test'
import {
  cards,
  expect,
  expectNoAxeViolations,
  openInstances,
  rentButtons,
  Sim,
  signIn,
  test,
} from './fixtures'

const SAVED_LIST_REASON =
  'Waiting for the current state from Vast: the list shown was saved on this device.'

/** Everything this browser keeps in the device's answer store, as text. */
function keptOnDevice(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('vast-console.answers')
        open.onerror = () => reject(new Error('cannot open the answer store'))
        open.onsuccess = () => {
          const db = open.result
          if (!db.objectStoreNames.contains('answers')) {
            db.close()
            resolve('[]')
            return
          }
          const all = db.transaction('answers').objectStore('answers').getAll()
          all.onsuccess = () => {
            db.close()
            resolve(JSON.stringify(all.result))
          }
          all.onerror = () => reject(new Error('cannot read the answer store'))
        }
      }),
  )
}

test.describe('Reopening the console', () => {
  test('shows the last instances at once "as of" their time, with actions waiting for Vast', async ({
    page,
    request,
  }) => {
    const sim = await Sim.create(request, { instances: 6 })
    await openInstances(page, sim)
    // The list is kept on the device (a second after it landed): never with the key.
    await expect.poll(() => keptOnDevice(page)).toContain('"instances","list"')
    expect(await keptOnDevice(page)).not.toContain(sim.key)

    // Vast now takes 5 s to answer: what shows before that came from the device.
    await sim.simulate({ latencyMs: 5_000 })
    await page.reload()
    await expect(cards(page)).toHaveCount(6, { timeout: 2_000 })
    await expect(page.getByText(/^As of \d{2}:\d{2}$/)).toBeVisible()
    const running = cards(page).filter({ hasText: 'Running' }).first()
    for (const name of ['Stop', 'Destroy']) {
      const button = running.getByRole('button', { name, exact: true })
      await expect(button).toBeDisabled()
      await expect(button).toHaveAccessibleDescription(SAVED_LIST_REASON)
    }
    await expectNoAxeViolations(page)

    // Vast's answer lands: the actions are back and the "as of" mark is gone.
    await expect(running.getByRole('button', { name: 'Stop', exact: true })).toBeEnabled({
      timeout: 15_000,
    })
    await expect(running.getByRole('button', { name: 'Destroy', exact: true })).toBeEnabled()
    await expect(page.getByText(/^As of \d{2}:\d{2}$/)).toHaveCount(0)
  })

  test('shows the last offers at once, with Rent waiting for Vast; forgetting the key removes them', async ({
    page,
    sim,
  }) => {
    await signIn(page, sim.key)
    await page.goto('/')
    await expect(rentButtons(page).first()).toBeEnabled()
    await expect.poll(() => keptOnDevice(page)).toContain('"offers","search"')

    await sim.simulate({ latencyMs: 5_000 })
    await page.reload()
    const rent = rentButtons(page).first()
    await expect(rent).toBeVisible({ timeout: 2_000 })
    await expect(rent).toBeDisabled()
    await expect(page.getByText(/^As of \d{2}:\d{2}$/)).toBeVisible()
    await expect(rent).toBeEnabled({ timeout: 15_000 })
    await expect(page.getByText(/^As of \d{2}:\d{2}$/)).toHaveCount(0)

    await sim.simulate({ latencyMs: 0 })
    await page.goto('/?tab=account')
    await page.getByRole('button', { name: 'Forget key' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Forget key' }).click()
    await expect(page.getByLabel('API key')).toBeVisible()
    await expect.poll(() => keptOnDevice(page)).toBe('[]')
  })
})
