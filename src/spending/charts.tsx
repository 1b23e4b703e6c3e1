/**
 * Hand-written SVG charts (no chart library: smaller than any, and enough here). Each chart is a
 * figure with a caption; hovering or focusing a bar shows its values, and a table with the same
 * numbers follows for screen readers.
 */
import { useId, useState, type ReactNode } from 'react'
import {
  COMPONENT_NAMES,
  COMPONENTS,
  type Breakdown,
  type Component,
} from '../domain/spending/ledger'
import { formatUsd } from '../domain/format'

export const COMPONENT_COLOURS: Record<Component, string> = {
  gpu: '#1d4ed8',
  storage: '#b45309',
  bandwidth: '#047857',
  other: '#64748b',
}

function Legend() {
  return (
    <ul className="flex flex-wrap gap-3 text-xs text-text-soft" aria-hidden="true">
      {COMPONENTS.map((c) => (
        <li key={c} className="flex items-center gap-1">
          <span
            className="inline-block h-3 w-3 rounded-sm"
            style={{ background: COMPONENT_COLOURS[c] }}
          />
          {COMPONENT_NAMES[c]}
        </li>
      ))}
    </ul>
  )
}

function ChartFrame({
  title,
  readout,
  children,
  table,
  hint = 'Hover or focus a bar to see its values.',
}: {
  title: string
  readout: string | null
  children: ReactNode
  table: ReactNode
  hint?: string
}) {
  const id = useId()
  return (
    <figure
      aria-labelledby={id}
      className="flex min-w-0 flex-col gap-2 rounded-lg border border-border bg-surface p-3"
    >
      <figcaption id={id} className="text-sm font-semibold text-text">
        {title}
      </figcaption>
      <p className="min-h-5 text-xs text-text-soft" aria-hidden="true">
        {readout ?? hint}
      </p>
      {children}
      {table}
    </figure>
  )
}

const describe = (label: string, b: Breakdown) =>
  `${label}: ${formatUsd(b.total)} (GPU ${formatUsd(b.gpu)}, storage ${formatUsd(b.storage)}, bandwidth ${formatUsd(b.bandwidth)})`

function SrTable({ caption, rows }: { caption: string; rows: { label: string; b: Breakdown }[] }) {
  return (
    <div className="sr-only">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Total</th>
            <th scope="col">GPU</th>
            <th scope="col">Storage</th>
            <th scope="col">Bandwidth</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row">{r.label}</th>
              <td>{formatUsd(r.b.total)}</td>
              <td>{formatUsd(r.b.gpu)}</td>
              <td>{formatUsd(r.b.storage)}</td>
              <td>{formatUsd(r.b.bandwidth)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** Spend per day, stacked by component. */
export function DailyChart({ days }: { days: (Breakdown & { day: string })[] }) {
  const [hover, setHover] = useState<number | null>(null)
  const max = Math.max(0.01, ...days.map((d) => d.total))
  const W = 720
  const H = 180
  const step = W / Math.max(1, days.length)
  const bar = Math.max(2, step * 0.75)
  const hovered = hover === null ? null : days[hover]
  return (
    <ChartFrame
      title="Spend per day"
      readout={hovered ? describe(hovered.day, hovered) : null}
      hint="Hover over a day to see its values."
      table={<SrTable caption="Spend per day" rows={days.map((d) => ({ label: d.day, b: d }))} />}
    >
      <Legend />
      <p className="text-xs text-muted" aria-hidden="true">
        Highest day {formatUsd(max)}
      </p>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        preserveAspectRatio="none"
        className="h-44 w-full"
        aria-hidden="true"
        onMouseLeave={() => setHover(null)}
      >
        <line x1={0} x2={W} y1={H} y2={H} stroke="#cbd5e1" />
        {days.map((d, i) => {
          let y = H
          const x = i * step + (step - bar) / 2
          return (
            <g key={d.day} onMouseEnter={() => setHover(i)}>
              <rect
                x={i * step}
                y={0}
                width={step}
                height={H}
                fill={hover === i ? '#f1f5f9' : 'transparent'}
              />
              {COMPONENTS.map((c) => {
                const h = (Math.max(0, d[c]) / max) * (H - 4)
                y -= h
                return h > 0 ? (
                  <rect key={c} x={x} y={y} width={bar} height={h} fill={COMPONENT_COLOURS[c]} />
                ) : null
              })}
            </g>
          )
        })}
      </svg>
      <p className="flex justify-between text-xs text-muted" aria-hidden="true">
        <span>{days[0]?.day}</span>
        {days.length > 2 && <span>{days[Math.floor(days.length / 2)]?.day}</span>}
        <span>{days.at(-1)?.day}</span>
      </p>
    </ChartFrame>
  )
}

export interface BarItem extends Breakdown {
  key: string
  label: string
}

/** Horizontal bars, largest first; a bar is a button when `onPick` is given (drill-down). */
export function BarChart({
  title,
  items,
  onPick,
  limit = 8,
}: {
  title: string
  items: readonly BarItem[]
  onPick?: (key: string) => void
  limit?: number
}) {
  const [hover, setHover] = useState<string | null>(null)
  const shown = items.slice(0, limit)
  const max = Math.max(0.01, ...shown.map((i) => i.total))
  const hovered = shown.find((i) => i.key === hover)
  return (
    <ChartFrame
      title={title}
      readout={hovered ? describe(hovered.label, hovered) : null}
      table={<SrTable caption={title} rows={items.map((i) => ({ label: i.label, b: i }))} />}
    >
      <ul className="flex flex-col gap-1.5" aria-hidden={onPick ? undefined : true}>
        {shown.map((item) => {
          const body = (
            <>
              <span className="flex justify-between gap-2 text-xs text-text">
                <span className="truncate">{item.label}</span>
                <span className="tabular-nums">{formatUsd(item.total)}</span>
              </span>
              <span
                className="flex h-3 w-full overflow-hidden rounded-sm bg-surface-sunken"
                aria-hidden="true"
              >
                {COMPONENTS.map((c) => (
                  <span
                    key={c}
                    style={{
                      width: `${(Math.max(0, item[c]) / max) * 100}%`,
                      background: COMPONENT_COLOURS[c],
                    }}
                  />
                ))}
              </span>
            </>
          )
          return (
            <li
              key={item.key}
              onMouseEnter={() => setHover(item.key)}
              onMouseLeave={() => setHover(null)}
            >
              {onPick ? (
                <button
                  type="button"
                  className="flex w-full flex-col gap-0.5 rounded text-left hover:bg-surface-muted focus-visible:outline-2 focus-visible:outline-blue-700"
                  onFocus={() => setHover(item.key)}
                  onBlur={() => setHover(null)}
                  onClick={() => onPick(item.key)}
                  aria-label={`Show rows for ${item.label}, ${formatUsd(item.total)}`}
                >
                  {body}
                </button>
              ) : (
                <span className="flex flex-col gap-0.5">{body}</span>
              )}
            </li>
          )
        })}
      </ul>
      {items.length > limit && (
        <p className="text-xs text-muted">and {items.length - limit} more (in the table below)</p>
      )}
    </ChartFrame>
  )
}

/** A line: credit at the end of each day. */
export function LineChart({
  title,
  points,
}: {
  title: string
  points: { day: string; value: number }[]
}) {
  const [hover, setHover] = useState<number | null>(null)
  const W = 720
  const H = 140
  const values = points.map((p) => p.value)
  const max = Math.max(0.01, ...values)
  const min = Math.min(0, ...values)
  const x = (i: number) => (points.length <= 1 ? W / 2 : (i / (points.length - 1)) * W)
  const y = (v: number) => H - ((v - min) / (max - min || 1)) * (H - 12)
  const hovered = hover === null ? null : points[hover]
  return (
    <ChartFrame
      title={title}
      readout={hovered ? `${hovered.day}: ${formatUsd(hovered.value)}` : null}
      hint="Hover over the line to see a day's credit."
      table={
        <div className="sr-only">
          <table>
            <caption>{title}</caption>
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Credit</th>
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.day}>
                  <th scope="row">{p.day}</th>
                  <td>{formatUsd(p.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      }
    >
      <svg
        viewBox={`0 0 ${W} ${H + 4}`}
        preserveAspectRatio="none"
        className="h-36 w-full"
        aria-hidden="true"
        onMouseLeave={() => setHover(null)}
      >
        <polyline
          fill="none"
          stroke="#1d4ed8"
          strokeWidth={2}
          points={points.map((p, i) => `${x(i)},${y(p.value)}`).join(' ')}
        />
        {points.map((p, i) => (
          <g key={p.day} onMouseEnter={() => setHover(i)}>
            <rect
              x={x(i) - W / points.length / 2}
              y={0}
              width={W / Math.max(1, points.length)}
              height={H}
              fill="transparent"
            />
            {hover === i && <line x1={x(i)} x2={x(i)} y1={0} y2={H} stroke="#94a3b8" />}
          </g>
        ))}
      </svg>
    </ChartFrame>
  )
}
