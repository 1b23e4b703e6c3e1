import { cn } from './cn'
import { dismissToast, useToasts } from './toast-store'

/** Toasts live in one polite live region, so screen readers announce them. */
export function Toaster() {
  const toasts = useToasts()
  return (
    <div
      role="status"
      aria-live="polite"
      className="fixed right-4 bottom-4 z-50 flex w-80 flex-col gap-2"
    >
      {toasts.map((toast) => (
        <div
          key={toast.id}
          className={cn(
            'flex items-start justify-between gap-2 rounded-md border px-3 py-2 text-sm shadow',
            toast.tone === 'error' && 'border-danger-border bg-danger-soft text-danger-text',
            toast.tone === 'success' && 'border-success-border bg-success-soft text-success-text',
            toast.tone === 'info' && 'border-border-strong bg-surface text-text',
          )}
        >
          <span>{toast.message}</span>
          <button
            type="button"
            className="text-muted hover:text-text"
            aria-label="Dismiss notification"
            onClick={() => dismissToast(toast.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  )
}
