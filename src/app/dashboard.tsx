import { useState, type KeyboardEvent } from 'react'
import { AccountPanel } from '../account/account-panel'
import { InstancesPage } from '../instances/instances-page'
import { OffersPage } from '../offers/offers-page'
import { ConfirmDialog } from '../ui/confirm-dialog'
import { Toaster } from '../ui/toaster'
import { cn } from '../ui/cn'
import { useTab, type Tab } from './use-tab'
import { PanelBoundary } from './panel-boundary'
import { AccountTab } from './account-tab'
import { StatusBanners } from './status-banners'

const TABS: { id: Tab; label: string }[] = [
  { id: 'offers', label: 'Offers' },
  { id: 'instances', label: 'Instances' },
  { id: 'account', label: 'Account' },
]
const PANEL_NAMES: Record<Tab, string> = {
  offers: 'Offers',
  instances: 'Instances',
  account: 'Account',
}

/** Everything after the key: loaded as its own chunk, so the first visit downloads only the key screen. */
export function Dashboard({ onForget }: { onForget: () => void }) {
  const [tab, setTab] = useTab()
  const [highlightId, setHighlightId] = useState<number | null>(null)

  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return
    const index = TABS.findIndex((t) => t.id === tab)
    const next = TABS[(index + (event.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]
    if (next) {
      setTab(next.id)
      document.getElementById(`tab-${next.id}`)?.focus()
    }
  }

  return (
    <>
      <header className="border-b border-border bg-surface">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <p className="text-lg font-semibold text-text">Vast GPU Console</p>
          <PanelBoundary name="Account">
            <AccountPanel onForget={onForget} />
          </PanelBoundary>
        </div>
        <nav className="mx-auto max-w-7xl px-4" aria-label="Sections">
          <div role="tablist" aria-label="Sections" className="flex gap-1">
            {TABS.map((t) => (
              <button
                key={t.id}
                id={`tab-${t.id}`}
                type="button"
                role="tab"
                aria-selected={tab === t.id}
                aria-controls={`panel-${t.id}`}
                tabIndex={tab === t.id ? 0 : -1}
                onClick={() => setTab(t.id)}
                onKeyDown={onTabKey}
                className={cn(
                  'border-b-2 px-4 py-2 text-sm font-medium',
                  tab === t.id
                    ? 'border-accent text-accent-text'
                    : 'border-transparent text-text-soft hover:text-text',
                )}
              >
                {t.label}
              </button>
            ))}
          </div>
        </nav>
      </header>
      <StatusBanners />
      <main className="mx-auto max-w-7xl px-4 py-4">
        <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
          <PanelBoundary key={tab} name={PANEL_NAMES[tab]}>
            {tab === 'offers' ? (
              <OffersPage
                onRented={(id) => {
                  setHighlightId(id)
                  setTab('instances')
                }}
              />
            ) : tab === 'instances' ? (
              <InstancesPage highlightId={highlightId} />
            ) : (
              <AccountTab onUseTemplate={() => setTab('offers')} />
            )}
          </PanelBoundary>
        </div>
      </main>
      <ConfirmDialog />
      <Toaster />
    </>
  )
}
