import { cn } from './cn'

/** A column heading; `hidden` ones are read by screen readers only (e.g. an actions column). */
export type ColumnHead = string | { label: string; hidden?: boolean; className?: string }

/** A table's header row: one `<th scope="col">` per column, in the table's own style. */
export function ColumnHeads({
  columns,
  className,
  cellClassName = 'py-1 pr-3 font-medium',
}: {
  columns: readonly ColumnHead[]
  className?: string
  cellClassName?: string
}) {
  return (
    <thead className={className}>
      <tr>
        {columns.map((column) => {
          const {
            label,
            hidden = false,
            className: extra,
          } = typeof column === 'string' ? { label: column } : column
          return (
            <th key={label} scope="col" className={cn(cellClassName, extra)}>
              {hidden ? <span className="sr-only">{label}</span> : label}
            </th>
          )
        })}
      </tr>
    </thead>
  )
}
