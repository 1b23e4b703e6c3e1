/**
 * The cost ledger in the app's own terms: one `Charge` per row of Vast's charges answer, with the
 * per-kind breakdown summed into GPU, storage, upload and download. Pure: no fetch, no React.
 */

export interface Charge {
  /** Unique within a ledger: source and the covered span. */
  key: string
  /** Contract kind: `instance`, `volume` or `serverless`. */
  kind: string
  /** `instance-12345678` (Vast's `source`), or the row's description when it has none. */
  source: string
  instanceId: number | null
  label: string | null
  templateId: number | null
  /** Unix seconds (UTC). */
  start: number
  end: number
  /** The row's own total, as Vast rounds it (3 decimals). */
  amount: number
  gpu: number
  storage: number
  upload: number
  download: number
  /** `amount` minus the breakdown: rounding, or kinds this app does not know. */
  other: number
  description: string
}

export type Component = 'gpu' | 'storage' | 'bandwidth' | 'other'
export const COMPONENTS: readonly Component[] = ['gpu', 'storage', 'bandwidth', 'other']
export const COMPONENT_NAMES: Record<Component, string> = {
  gpu: 'GPU',
  storage: 'Storage',
  bandwidth: 'Bandwidth',
  other: 'Other',
}

export interface Breakdown {
  gpu: number
  storage: number
  bandwidth: number
  other: number
  total: number
}

export const emptyBreakdown = (): Breakdown => ({
  gpu: 0,
  storage: 0,
  bandwidth: 0,
  other: 0,
  total: 0,
})

/** `gpu` → GPU; `disk` → storage; `bwu`/`bwd` → upload/download (show_charges.yaml, items.type). */
export function itemBucket(type: string): 'gpu' | 'storage' | 'upload' | 'download' | 'other' {
  switch (type.toLowerCase()) {
    case 'gpu':
      return 'gpu'
    case 'disk':
    case 'storage':
      return 'storage'
    case 'bwu':
      return 'upload'
    case 'bwd':
      return 'download'
    default:
      return 'other'
  }
}

/** The instance id in `instance-12345678` (the CLI splits `source` on '-'), else null. */
export function instanceIdOf(source: string | null | undefined): number | null {
  const match = /^instance-(\d+)$/.exec(source?.trim() ?? '')
  return match?.[1] ? Number(match[1]) : null
}

export interface RawChargeInput {
  kind: string
  source: string | null
  description: string | null
  start: number | null
  end: number | null
  amount: number
  label: string | null
  templateId: number | null
  items: { type: string; amount: number }[]
}

const cents3 = (value: number) => Math.round(value * 1000) / 1000

/** A row of the charges answer as a `Charge`; a missing start or end takes the other, then `fallback`. */
export function toCharge(raw: RawChargeInput, fallback: { start: number; end: number }): Charge {
  const parts = { gpu: 0, storage: 0, upload: 0, download: 0, other: 0 }
  for (const item of raw.items) parts[itemBucket(item.type)] += item.amount
  const start = raw.start ?? raw.end ?? fallback.start
  const end = Math.max(start, raw.end ?? raw.start ?? fallback.end)
  const known = parts.gpu + parts.storage + parts.upload + parts.download
  const source = raw.source ?? raw.description ?? raw.kind
  return {
    key: `${source}@${start}-${end}`,
    kind: raw.kind,
    source,
    instanceId: instanceIdOf(raw.source),
    label: raw.label,
    templateId: raw.templateId,
    start,
    end,
    amount: raw.amount,
    gpu: parts.gpu,
    storage: parts.storage,
    upload: parts.upload,
    download: parts.download,
    other: cents3(raw.amount - known),
    description: raw.description ?? '',
  }
}

export const chargeBreakdown = (c: Charge): Breakdown => ({
  gpu: c.gpu,
  storage: c.storage,
  bandwidth: c.upload + c.download,
  other: c.other,
  total: c.amount,
})
