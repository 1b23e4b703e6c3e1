/**
 * Hand-written SVG charts (no chart library: smaller than any, and enough here). Each chart is a
 * figure with a caption; hovering or focusing a bar shows its values, and a table with the same
 * numbers follows for screen readers.
 */
import { useId, type ReactNode } from 'react'
import {
  COMPONENT_NAMES,
  COMPONENTS,
  type Breakdown,
  type Component,
} from '../domain/spending/ledger'
import { formatUsd } from '../domain/format'

export const COMPONENT_COLOURS: Record<Component, string> = {
  gpu: 'var(--color-accent)',
  storage: 'var(--color-chart-storage)',
  bandwidth: 'var(--color-chart-bandwidth)',
  other: 'var(--color-faint)',
}

export function Legend() {
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

export function ChartFrame({
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

export const describe = (label: string, b: Breakdown) =>
  `${label}: ${formatUsd(b.total)} (GPU ${formatUsd(b.gpu)}, storage ${formatUsd(b.storage)}, bandwidth ${formatUsd(b.bandwidth)})`

export function SrTable({
  caption,
  rows,
}: {
  caption: string
  rows: { label: string; b: Breakdown }[]
}) {
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
