/** The Spending tab's bar charts (frame, legend and colours in chart-frame.tsx). */
import { useState } from 'react'
import { COMPONENTS, type Breakdown } from '../domain/spending/ledger'
import { formatUsd } from '../domain/format'
import { ChartFrame, COMPONENT_COLOURS, describe, Legend, SrTable } from './chart-frame'

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
        <line x1={0} x2={W} y1={H} y2={H} stroke="var(--color-border-strong)" />
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
                fill={hover === i ? 'var(--color-surface-sunken)' : 'transparent'}
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
                  className="flex w-full flex-col gap-0.5 rounded text-left hover:bg-surface-muted focus-visible:outline-2 focus-visible:outline-accent"
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
