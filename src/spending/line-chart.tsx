import { useState } from 'react'
import { formatUsd } from '../domain/format'
import { ChartFrame } from './chart-frame'

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
          stroke="var(--color-accent)"
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
            {hover === i && (
              <line x1={x(i)} x2={x(i)} y1={0} y2={H} stroke="var(--color-chart-cursor)" />
            )}
          </g>
        ))}
      </svg>
    </ChartFrame>
  )
}
