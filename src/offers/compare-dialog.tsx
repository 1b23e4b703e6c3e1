import type { Offer } from '../api/offers/schemas'
import { Button } from '../ui/button'
import { Dialog } from '../ui/dialog'
import { formatDuration, formatGb, formatPercent, formatPrice, formatUsd } from '../domain/format'
import { jobCost, type JobPlan } from '../domain/money/job-cost'
import { formatNumber, gpuSummary, isVerified, offerReliability } from './offer-format'
import { useRentWait } from './rent-wait'

interface Line {
  label: string
  value: (offer: Offer, plan: JobPlan) => string
  /** Which value is best, to mark it: lower or higher. */
  best?: 'low' | 'high'
  raw?: (offer: Offer, plan: JobPlan) => number | null | undefined
}

const LINES: Line[] = [
  { label: 'GPU', value: (o) => gpuSummary(o) },
  {
    label: '$/hr',
    value: (o) => formatPrice(o.dph_total),
    best: 'low',
    raw: (o) => o.dph_total,
  },
  {
    label: 'Job cost',
    value: (o, plan) => formatUsd(jobCost(o, plan).total),
    best: 'low',
    raw: (o, plan) => jobCost(o, plan).total,
  },
  {
    label: 'VRAM per GPU',
    value: (o) => formatGb(o.gpu_ram),
    best: 'high',
    raw: (o) => o.gpu_ram,
  },
  {
    label: 'DLPerf',
    value: (o) => formatNumber(o.dlperf),
    best: 'high',
    raw: (o) => o.dlperf,
  },
  {
    label: 'DLPerf/$',
    value: (o) => formatNumber(o.dlperf_per_dphtotal),
    best: 'high',
    raw: (o) => o.dlperf_per_dphtotal,
  },
  {
    label: 'TFLOPS',
    value: (o) => formatNumber(o.total_flops),
    best: 'high',
    raw: (o) => o.total_flops,
  },
  {
    label: 'Reliability',
    value: (o) => formatPercent(offerReliability(o)),
    best: 'high',
    raw: (o) => offerReliability(o),
  },
  { label: 'CPU cores', value: (o) => formatNumber(o.cpu_cores_effective) },
  { label: 'RAM', value: (o) => formatGb(o.cpu_ram) },
  { label: 'Disk', value: (o) => (o.disk_space == null ? '—' : `${Math.round(o.disk_space)} GB`) },
  {
    label: 'Down / up Mbps',
    value: (o) => `${formatNumber(o.inet_down)} / ${formatNumber(o.inet_up)}`,
  },
  { label: 'CUDA', value: (o) => formatNumber(o.cuda_max_good) },
  { label: 'Location', value: (o) => o.geolocation ?? '—' },
  { label: 'Max duration', value: (o) => formatDuration(o.duration) },
  { label: 'Verified', value: (o) => (isVerified(o) ? 'Yes' : 'No') },
]

/** Up to four offers side by side; the best value of each comparable line is marked. */
export function CompareDialog({
  offers,
  plan,
  onClose,
  onRent,
}: {
  offers: Offer[]
  plan: JobPlan
  onClose: () => void
  onRent: (offer: Offer) => void
}) {
  const wait = useRentWait()
  return (
    <Dialog open title="Compare offers" onClose={onClose} className="max-w-4xl">
      <div className="overflow-x-auto">
        <table className="w-full text-sm">
          <caption className="sr-only">Offers side by side</caption>
          <thead>
            <tr>
              <td />
              {offers.map((offer) => (
                <th key={offer.id} scope="col" className="px-2 py-1 text-left">
                  Offer {offer.id}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {LINES.map((line) => {
              const values = line.raw ? offers.map((o) => line.raw?.(o, plan) ?? null) : []
              const known = values.filter((v): v is number => v !== null)
              const best =
                known.length > 1
                  ? line.best === 'low'
                    ? Math.min(...known)
                    : Math.max(...known)
                  : null
              return (
                <tr key={line.label} className="border-t border-border-subtle">
                  <th scope="row" className="px-2 py-1 text-left font-medium text-text-soft">
                    {line.label}
                  </th>
                  {offers.map((offer, i) => {
                    const isBest = best !== null && values[i] === best
                    return (
                      <td
                        key={offer.id}
                        className={
                          isBest ? 'px-2 py-1 font-semibold text-success-text' : 'px-2 py-1'
                        }
                      >
                        {line.value(offer, plan)}
                        {isBest && <span className="sr-only"> (best)</span>}
                      </td>
                    )
                  })}
                </tr>
              )
            })}
            <tr>
              <td />
              {offers.map((offer) => (
                <td key={offer.id} className="px-2 py-2">
                  <Button
                    size="sm"
                    variant="primary"
                    disabled={wait !== null}
                    title={wait ?? undefined}
                    onClick={() => onRent(offer)}
                  >
                    Rent offer {offer.id}
                  </Button>
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
      <div className="mt-4 flex justify-end">
        <Button onClick={onClose}>Close</Button>
      </div>
    </Dialog>
  )
}
