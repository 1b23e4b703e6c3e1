/**
 * Moving prices: with `priceWave` set, every offer's GPU price follows one deterministic daily
 * wave over the world clock, falling first: factor = 1 − amplitude × sin(2π × elapsed / 24 h).
 * Six model-clock hours after the world starts, prices are at their lowest (1 − amplitude);
 * eighteen hours in, at their highest. The default amplitude is 0: prices stay fixed.
 */
import { type World, worldNow } from './world'

export const PRICE_WAVE_PERIOD_MS = 24 * 3_600_000

export function priceFactor(world: World, at = worldNow(world)): number {
  if (!world.priceWave) return 1
  const elapsed = at - world.startedAt
  return 1 - world.priceWave * Math.sin((2 * Math.PI * elapsed) / PRICE_WAVE_PERIOD_MS)
}
