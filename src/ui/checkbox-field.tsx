import { useId, type InputHTMLAttributes } from 'react'
import { cn } from './cn'

export interface CheckboxFieldProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'id' | 'type'
> {
  label: string
}

/** A native checkbox with its label beside it; the label is part of the click target. */
export function CheckboxField({ label, className, ...props }: CheckboxFieldProps) {
  const id = useId()
  return (
    <div className={cn('flex items-center gap-2', className)}>
      <input
        id={id}
        type="checkbox"
        className="size-4 rounded border-border-strong accent-accent focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
        {...props}
      />
      <label htmlFor={id} className="text-sm text-text select-none">
        {label}
      </label>
    </div>
  )
}
