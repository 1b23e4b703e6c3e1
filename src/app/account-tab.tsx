import { lazy, Suspense } from 'react'
import { LogOut } from 'lucide-react'
import { useKeyMode } from '../api/api-key-store'
import { Button } from '../ui/button'
import { requestConfirm } from '../ui/confirm-store'
import { AccountsSection } from '../account/accounts-section'
import { SshKeysSection } from '../account/ssh-keys/ssh-keys-section'
import { TemplatesSection } from '../offers/templates/templates-section'
import { PanelBoundary } from './panel-boundary'

export interface AccountTabProps {
  /** A template was chosen for the next rental: show the offers to rent it on. */
  onUseTemplate: () => void
  /** Forgets the active key (or ends the demo), after the user confirms. */
  onForget: () => void
}

// Not needed on first visit: loaded with the Account tab's check section.
const LiveCheckPanel = lazy(() => import('../account/live-check-panel'))

/** The Account tab: the accounts (API keys) this browser holds, SSH keys and templates. */
export function AccountTab({ onUseTemplate, onForget }: AccountTabProps) {
  const demo = useKeyMode() === 'demo'
  return (
    <div className="flex max-w-5xl flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold text-text">Account</h1>
        <Button
          size="sm"
          onClick={() =>
            requestConfirm(
              demo
                ? {
                    title: 'Leave the demo?',
                    body: 'The simulated account and its instances are discarded. Nothing real was rented.',
                    confirmLabel: 'Leave demo',
                    tone: 'primary',
                    onConfirm: () => {
                      onForget()
                      return Promise.resolve()
                    },
                  }
                : {
                    title: 'Forget this key?',
                    body: 'The API key is removed from this browser; you will need to paste it again to come back. Your instances keep running and billing on Vast.',
                    confirmLabel: 'Forget key',
                    tone: 'danger',
                    onConfirm: () => {
                      onForget()
                      return Promise.resolve()
                    },
                  },
            )
          }
        >
          <LogOut aria-hidden="true" className="size-4" />
          {demo ? 'Leave demo' : 'Forget key'}
        </Button>
      </div>
      <PanelBoundary name="Accounts">
        <AccountsSection />
      </PanelBoundary>
      <PanelBoundary name="SSH keys">
        <SshKeysSection />
      </PanelBoundary>
      <PanelBoundary name="Templates">
        <TemplatesSection onUseTemplate={onUseTemplate} />
      </PanelBoundary>
      <PanelBoundary name="Connection check">
        <Suspense fallback={<p className="text-sm text-muted">Loading the connection check…</p>}>
          <LiveCheckPanel />
        </Suspense>
      </PanelBoundary>
    </div>
  )
}
