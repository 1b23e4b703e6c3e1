import { useState } from 'react'
import { Button } from './button'
import { Dialog } from './dialog'
import { closeConfirm, useConfirmRequest } from './confirm-store'

/** The one confirmation dialog; requestConfirm() opens it. Errors stay visible in it. */
export function ConfirmDialog() {
  const request = useConfirmRequest()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const close = () => {
    setError(null)
    closeConfirm()
  }
  return (
    <Dialog open={request !== null} title={request?.title ?? ''} onClose={close} busy={busy}>
      {request && (
        <>
          <p className="mb-4 text-sm text-text-soft">{request.body}</p>
          {error && (
            <p role="alert" className="mb-3 rounded bg-danger-soft p-2 text-sm text-danger-text">
              {error}
            </p>
          )}
          <div className="flex justify-end gap-2">
            <Button onClick={close} disabled={busy}>
              Cancel
            </Button>
            <Button
              variant={request.tone}
              disabled={busy}
              onClick={() => {
                setBusy(true)
                setError(null)
                request.onConfirm().then(
                  () => {
                    setBusy(false)
                    close()
                  },
                  (cause: unknown) => {
                    setBusy(false)
                    setError(cause instanceof Error ? cause.message : 'The action failed.')
                  },
                )
              }}
            >
              {busy ? 'Working…' : request.confirmLabel}
            </Button>
          </div>
        </>
      )}
    </Dialog>
  )
}
