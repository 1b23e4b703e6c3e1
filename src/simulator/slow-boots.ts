/**
 * Slow boots: some machines take far longer than the usual 20 s to pull an image, as real hosts
 * with slow disks or links do (Vast's docs: 1–5 minutes is normal, over 20 means try another
 * machine). With the world option `slowBoots` (a fraction, 0–1) that share of machines, picked by
 * a hash of the machine id (so the same machines for every seed and every run), loads for
 * SLOW_BOOT_LOADING_MS. The switch `slowBoot: {offers, machines}` forces it for given offers or
 * machines, whatever the fraction. The default is 0: every machine boots in 25 s.
 */
import { LIFECYCLE_MS } from './lifecycle'
import type { Offer } from './offer-seed'
import { hashString } from './rng'
import type { World } from './world'

/** A slow machine's image pull: past the app's default 15-minute boot deadline. */
export const SLOW_BOOT_LOADING_MS = 30 * 60_000

const machineOf = (offer: Offer): number | null =>
  typeof offer.fields.machine_id === 'number' ? offer.fields.machine_id : null

/** Is this machine one of the world's slow ones (by its id's hash), at this fraction? */
export function isSlowMachine(machineId: number, fraction: number): boolean {
  return fraction > 0 && (hashString(`boot:${machineId}`) % 10_000) / 10_000 < fraction
}

/** How long a rental of `offer` pulls its image in this world. */
export function bootLoadingMs(world: World, offer: Offer): number {
  const machine = machineOf(offer)
  const forced = world.switches.slowBoot
  const slow =
    forced.offers.includes(offer.id) ||
    (machine !== null &&
      (forced.machines.includes(machine) || isSlowMachine(machine, world.slowBoots)))
  return slow ? SLOW_BOOT_LOADING_MS : LIFECYCLE_MS.loading
}
