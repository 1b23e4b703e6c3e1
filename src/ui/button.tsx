import type { ButtonHTMLAttributes } from 'react'
import { cn } from './cn'

/**
 * `quietDanger` is for a destructive action that still asks for confirmation (red text on the
 * surface); the solid `danger` is kept for the confirming button itself.
 */
type Variant = 'primary' | 'secondary' | 'danger' | 'quietDanger' | 'ghost'

const VARIANTS: Record<Variant, string> = {
  primary: 'bg-accent text-on-accent hover:bg-accent-strong disabled:bg-accent-border',
  secondary:
    'border border-border-strong bg-surface text-text hover:bg-surface-sunken disabled:text-faint',
  danger: 'bg-danger text-on-accent hover:bg-danger-strong disabled:bg-danger-border',
  quietDanger:
    'border border-border-strong bg-surface text-danger-text hover:border-danger-border hover:bg-danger-soft disabled:text-faint',
  ghost: 'text-text hover:bg-surface-sunken disabled:text-faint',
}

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: Variant
  size?: 'sm' | 'md'
}

export function Button({
  variant = 'secondary',
  size = 'md',
  className,
  type = 'button',
  ...props
}: ButtonProps) {
  return (
    <button
      type={type}
      className={cn(
        'inline-flex items-center justify-center gap-1 rounded-md font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent disabled:cursor-not-allowed',
        size === 'sm' ? 'px-2 py-1 text-sm' : 'px-3 py-2 text-sm',
        VARIANTS[variant],
        className,
      )}
      {...props}
    />
  )
}
