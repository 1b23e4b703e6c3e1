import { useId, type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes } from 'react'
import { cn } from './cn'

export const inputClass =
  'w-full rounded-md border border-border-strong bg-surface px-2 py-1.5 text-sm text-text focus-visible:outline-2 focus-visible:outline-accent aria-invalid:border-danger'

/** A form field's label; `denseLabelClass` in a filter bar, where many small fields sit in a row. */
export const labelClass = 'text-sm font-medium text-text'
export const denseLabelClass = 'text-xs font-medium text-text-soft'

interface FieldFrameProps {
  label: string
  /** The label is read out but not shown (a toolbar field whose placeholder says what it is). */
  labelHidden?: boolean
  hint?: ReactNode
  error?: string | null
  className?: string
  /** The control, given its id and the attributes tying it to the hint and the error. */
  children: (control: {
    id: string
    'aria-invalid': true | undefined
    'aria-describedby': string | undefined
  }) => ReactNode
}

/** Label above, control, hint and error below: the error is announced with the control. */
function FieldFrame({ label, labelHidden, hint, error, className, children }: FieldFrameProps) {
  const id = useId()
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const describedBy =
    [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined
  return (
    <div className={cn('relative flex flex-col gap-1', className)}>
      <label htmlFor={id} className={labelHidden ? 'sr-only' : labelClass}>
        {label}
      </label>
      {children({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy,
      })}
      {hint && (
        <p id={hintId} className="text-xs text-muted">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="text-xs text-danger">
          {error}
        </p>
      )}
    </div>
  )
}

export interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: string
  labelHidden?: boolean
  hint?: ReactNode
  error?: string | null
}

/** An input with a visible label, an optional hint and an error announced with it. */
export function Field({ label, labelHidden, hint, error, className, ...props }: FieldProps) {
  return (
    <FieldFrame
      label={label}
      labelHidden={labelHidden}
      hint={hint}
      error={error}
      className={className}
    >
      {(control) => <input className={inputClass} {...control} {...props} />}
    </FieldFrame>
  )
}

export interface TextAreaFieldProps extends Omit<
  TextareaHTMLAttributes<HTMLTextAreaElement>,
  'id'
> {
  label: string
  hint?: ReactNode
  error?: string | null
  /** Classes for the text area itself (`className` styles the whole field). */
  inputClassName?: string
}

/** The multiline Field: a labelled text area with its hint and error. */
export function TextAreaField({
  label,
  hint,
  error,
  className,
  inputClassName,
  ...props
}: TextAreaFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error} className={className}>
      {(control) => <textarea className={cn(inputClass, inputClassName)} {...control} {...props} />}
    </FieldFrame>
  )
}
