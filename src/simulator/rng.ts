/** A small seeded PRNG and the helpers the simulator draws its fixtures with. */

export type Rng = () => number
export type NonEmpty<T> = readonly [T, ...T[]]

/** mulberry32: tiny, fast and good enough for seeded fixtures. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export const between = (rng: Rng, lo: number, hi: number) => lo + rng() * (hi - lo)
export const intBetween = (rng: Rng, lo: number, hi: number) => Math.floor(between(rng, lo, hi + 1))
export const chance = (rng: Rng, p: number) => rng() < p
export const pick = <T>(rng: Rng, items: NonEmpty<T>): T =>
  items[Math.floor(rng() * items.length)] ?? items[0]
export const hex = (rng: Rng, length: number) =>
  Array.from({ length }, () => Math.floor(rng() * 16).toString(16)).join('')
export const round = (value: number, digits: number) => {
  const f = 10 ** digits
  return Math.round(value * f) / f
}
/** A stable 32-bit hash of a string (FNV-1a), for values derived from names. */
export function hashString(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0
  return h
}
