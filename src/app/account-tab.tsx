import { lazy, Suspense } from 'react'
import { AccountsSection } from '../account/accounts-section'
import { SshKeysSection } from '../account/ssh-keys/ssh-keys-section'
import { TemplatesSection } from '../offers/templates/templates-section'
import { PanelBoundary } from './panel-boundary'

export interface AccountTabProps {
  /** A template was chosen for the next rental: show the offers to rent it on. */
  onUseTemplate: () => void
}

// Not needed on first visit: loaded with the Account tab's check section.
const LiveCheckPanel = lazy(() => import('../account/live-check-panel'))

/** The Account tab: the accounts (API keys) this browser holds, SSH keys and templates. */
export function AccountTab({ onUseTemplate }: AccountTabProps) {
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-xl font-semibold text-text">Account</h1>
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
