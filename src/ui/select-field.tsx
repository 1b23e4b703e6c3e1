import { useId, type SelectHTMLAttributes } from 'react'
import { cn } from './cn'
import { denseLabelClass, labelClass } from './field'

export interface SelectOption<T extends string = string> {
  value: T
  label: string
}

export interface SelectFieldProps<T extends string> extends Omit<
  SelectHTMLAttributes<HTMLSelectElement>,
  'id' | 'children' | 'value'
> {
  label: string
  /** The small label of a filter bar (see `denseLabelClass`). */
  dense?: boolean
  options: readonly SelectOption<T>[]
  value?: T
  /** The chosen option's value, typed (only values from `options` ever arrive). */
  onValueChange?: (value: T) => void
}

/** A native <select> with a visible label, styled as Field's. */
export function SelectField<T extends string = string>({
  label,
  dense = false,
  options,
  className,
  onValueChange,
  onChange,
  ...props
}: SelectFieldProps<T>) {
  const id = useId()
  return (
    <div className={cn('flex flex-col gap-1', className)}>
      <label htmlFor={id} className={dense ? denseLabelClass : labelClass}>
        {label}
      </label>
      <select
        id={id}
        className="rounded-md border border-border-strong bg-surface px-2 py-1.5 text-sm text-text focus-visible:outline-2 focus-visible:outline-accent"
        onChange={(event) => {
          onChange?.(event)
          const chosen = options.find((option) => option.value === event.target.value)
          if (chosen && onValueChange) onValueChange(chosen.value)
        }}
        {...props}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  )
}
