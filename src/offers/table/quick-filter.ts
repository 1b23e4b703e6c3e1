/**
 * The "Filter offers" box: a text filter over rows already loaded (no request). Every word must
 * appear in the offer's searchable text. The texts are built once per loaded result; a query that
 * only narrows the previous one (a typed letter) searches the previous matches only.
 */
import type { Offer } from '../../api/offers/schemas'

export function offerHaystack(offer: Offer): string {
  return [
    `${offer.num_gpus}x ${offer.num_gpus}× ${offer.gpu_name}`,
    offer.geolocation,
    offer.cpu_name,
    offer.verification,
    offer.gpu_arch,
    String(offer.id),
    offer.hosting_type === 1 ? 'datacenter' : '',
  ]
    .filter(Boolean)
    .join(' ')
    .toLowerCase()
}

const words = (query: string): string[] => query.toLowerCase().split(/\s+/).filter(Boolean)

export interface QuickFilterIndex {
  /** Ascending indices of the matching offers; null when the query keeps every offer. */
  match(query: string): Uint32Array | null
}

export function createQuickFilter(offers: readonly Offer[]): QuickFilterIndex {
  const haystacks = offers.map(offerHaystack)
  let last: { words: string[]; matches: Uint32Array } | null = null
  return {
    match(query) {
      const wanted = words(query)
      if (wanted.length === 0) return null
      // Every previous word inside a new word: the new matches are among the previous ones.
      const narrows = last !== null && last.words.every((w) => wanted.some((n) => n.includes(w)))
      const candidates = narrows && last ? last.matches : null
      const size = candidates ? candidates.length : haystacks.length
      const out = new Uint32Array(size)
      let k = 0
      for (let j = 0; j < size; j += 1) {
        const i = candidates ? (candidates[j] ?? 0) : j
        const text = haystacks[i] ?? ''
        if (wanted.every((word) => text.includes(word))) out[k++] = i
      }
      const matches = out.slice(0, k)
      last = { words: wanted, matches }
      return matches
    },
  }
}

export function quickFilter(offers: readonly Offer[], query: string): Offer[] {
  const matches = createQuickFilter(offers).match(query)
  if (!matches) return offers.slice()
  return Array.from(matches, (i) => offers[i]).filter((o): o is Offer => o !== undefined)
}
