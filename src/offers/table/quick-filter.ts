/**
 * The "Filter offers" box: a text filter over rows already loaded (no request). Every word must
 * appear in the offer's searchable text; the text is built once per offer object and cached.
 */
import type { Offer } from '../../api/offers/schemas'

const haystacks = new WeakMap<Offer, string>()

function haystack(offer: Offer): string {
  let text = haystacks.get(offer)
  if (text === undefined) {
    text = [
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
    haystacks.set(offer, text)
  }
  return text
}

export function quickFilter(offers: readonly Offer[], query: string): Offer[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  if (words.length === 0) return offers.slice()
  return offers.filter((offer) => {
    const text = haystack(offer)
    return words.every((word) => text.includes(word))
  })
}
