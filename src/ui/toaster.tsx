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
            toast.tone === 'error' && 'border-red-300 bg-red-50 text-red-900',
            toast.tone === 'success' && 'border-green-300 bg-green-50 text-green-900',
            toast.tone === 'info' && 'border-slate-300 bg-white text-slate-900',
          )}
        >
          <span>{toast.message}</span>
          <button
            type="button"
            className="text-slate-600 hover:text-slate-900"
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
