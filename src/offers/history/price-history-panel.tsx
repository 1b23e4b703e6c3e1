import { History } from 'lucide-react'
import { useId, useMemo, useState } from 'react'
import { ToolbarPopover } from '../../ui/toolbar-popover'
import type { Offer } from '../../api/offers/schemas'
import { formatPrice } from '../../domain/format'
import { Button } from '../../ui/button'
import { ColumnHeads } from '../../ui/column-heads'
import { CheapestHours } from '../market/cheapest-hours'
import { exportMemory, importMemory, useMarketMemory } from '../market/market-memory-store'
import { usePriceHistory } from './price-history-store'
import { seriesOf, type Snapshot } from './price-stats'

/**
 * What this browser has seen: per GPU model in the current results, p10/median/p90 of $/GPU-hour
 * in the latest search and a sparkline of the median over time. Export and import the whole
 * market memory (this history, machines, models and boots) as one JSON file.
 */
export function PriceHistoryPanel({ offers, type }: { offers: readonly Offer[]; type: string }) {
  const snapshots = usePriceHistory()
  const [notice, setNotice] = useState('')
  const fileId = useId()
  const models = useMemo(() => [...new Set(offers.map((o) => o.gpu_name))].sort(), [offers])
  const searches = snapshots.filter((s) => s.type === type).length
  return (
    <ToolbarPopover
      align="end"
      panelClassName="w-[40rem] text-sm"
      summary={
        <>
          <History aria-hidden="true" className="size-4" />
          Price history on this device ({searches} {searches === 1 ? 'search' : 'searches'})
        </>
      }
    >
      <div className="flex flex-wrap items-center gap-2">
        <Button
          size="sm"
          onClick={() => {
            const url = URL.createObjectURL(
              new Blob([exportMemory()], { type: 'application/json' }),
            )
            const a = document.createElement('a')
            a.href = url
            a.download = 'vast-market-memory.json'
            a.click()
            setTimeout(() => URL.revokeObjectURL(url), 0)
            setNotice('Market memory exported.')
          }}
        >
          Export market memory
        </Button>
        <label htmlFor={fileId} className="text-xs font-medium text-text-soft">
          Import market memory
        </label>
        <input
          id={fileId}
          type="file"
          accept="application/json,.json"
          className="text-xs"
          onChange={(event) => {
            const file = event.target.files?.[0]
            if (!file) return
            void file
              .text()
              .then(importMemory)
              .then((added) =>
                setNotice(
                  `Imported ${added.snapshots} searches, ${added.machines} machines, ${added.boots} boots.`,
                ),
              )
              .catch(() => setNotice('That file is not a market memory export.'))
          }}
        />
        <p role="status" className="text-xs text-text-soft">
          {notice}
        </p>
      </div>
      <table className="mt-2 w-full text-xs">
        <caption className="sr-only">$/GPU-hour seen per GPU model</caption>
        <ColumnHeads
          className="text-left text-text-soft"
          cellClassName="py-1 pr-2"
          columns={[
            'GPU model',
            { label: 'p10', className: 'text-right' },
            { label: 'median', className: 'text-right' },
            { label: 'p90', className: 'text-right' },
            'median over time ($/GPU-hour)',
            'cheapest hours (local)',
          ]}
        />
        <tbody>
          {models.map((model) => (
            <ModelRow key={model} model={model} snapshots={snapshots} type={type} />
          ))}
        </tbody>
      </table>
    </ToolbarPopover>
  )
}

function ModelRow({
  model,
  snapshots,
  type,
}: {
  model: string
  snapshots: readonly Snapshot[]
  type: string
}) {
  const series = seriesOf(snapshots, model, type)
  const memory = useMarketMemory().models.get(`${type}|${model}`)
  const latest = series.at(-1)
  if (!latest) return null
  return (
    <tr className="border-t border-border-subtle">
      <th scope="row" className="py-1 pr-2 text-left font-medium">
        {model}
      </th>
      <td className="py-1 pr-2 text-right tabular-nums">{formatPrice(latest.p10)}</td>
      <td className="py-1 pr-2 text-right tabular-nums">{formatPrice(latest.median)}</td>
      <td className="py-1 pr-2 text-right tabular-nums">{formatPrice(latest.p90)}</td>
      <td className="py-1">
        <Sparkline values={series.map((s) => s.median)} label={`${model} median`} />
      </td>
      <td className="py-1">
        <CheapestHours memory={memory} />
      </td>
    </tr>
  )
}

function Sparkline({ values, label }: { values: number[]; label: string }) {
  const w = 120
  const h = 24
  const min = Math.min(...values)
  const max = Math.max(...values)
  const span = max - min || 1
  const points = values
    .map((v, i) => {
      const x = values.length === 1 ? w / 2 : (i / (values.length - 1)) * w
      const y = h - 2 - ((v - min) / span) * (h - 4)
      return `${x.toFixed(1)},${y.toFixed(1)}`
    })
    .join(' ')
  const first = values[0] ?? 0
  const last = values.at(-1) ?? 0
  return (
    <svg
      width={w}
      height={h}
      role="img"
      aria-label={`${label}: ${values.length} searches, from ${formatPrice(first)} to ${formatPrice(last)}`}
    >
      <polyline points={points} fill="none" stroke="#1d4ed8" strokeWidth="1.5" />
    </svg>
  )
}
