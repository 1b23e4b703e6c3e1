import { useEffect, useId, useRef, type ReactNode } from 'react'
import { cn } from './cn'

export interface DialogProps {
  open: boolean
  title: string
  /** Called when the user dismisses the dialog (Escape, Cancel). */
  onClose: () => void
  children: ReactNode
  className?: string
  /** Set while an action runs, so Escape cannot close a dialog mid-request. */
  busy?: boolean
}

/**
 * A real modal dialog: native <dialog> with showModal(), labelled by its title. The focus starts
 * on the element marked `data-autofocus`, else on the first focusable one.
 */
export function Dialog({ open, title, onClose, children, className, busy = false }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (open && !dialog.open) {
      dialog.showModal()
      // showModal focuses the first focusable element; a field marked data-autofocus goes first.
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus()
    }
    if (!open && dialog.open) dialog.close()
  }, [open])

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault()
        if (!busy) onClose()
      }}
      className={cn(
        'm-auto w-full max-w-lg rounded-lg bg-surface p-0 text-text shadow-xl backdrop:bg-[rgb(2_6_23/0.6)]',
        className,
      )}
    >
      {open && (
        <div className="p-5">
          <h2 id={titleId} className="mb-3 text-lg font-semibold">
            {title}
          </h2>
          {children}
        </div>
      )}
    </dialog>
  )
}
