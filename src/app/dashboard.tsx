import { lazy, Suspense, useCallback, useEffect, useState, type KeyboardEvent } from 'react'
import { AccountPanel } from '../account/account-panel'
import { FleetLine } from '../instances/fleet-line'
import { Inbox } from '../instances/inbox'
import { useDeliverEvents } from '../instances/inbox-store'
import { InstancesPage } from '../instances/instances-page'
import { BootRecorder } from '../offers/market/boot-recorder'
import { WatchRunner } from '../offers/market/watch-runner'
import { OffersPage } from '../offers/offers-page'
import type { BudgetEvent } from '../spending/budget-watch'
import { ConfirmDialog } from '../ui/confirm-dialog'
import { Toaster } from '../ui/toaster'
import { cn } from '../ui/cn'
import { useTab, type Tab } from './use-tab'
import { PanelBoundary } from './panel-boundary'
import { AccountTab } from './account-tab'
import { StatusBanners } from './status-banners'
import { useFleetWatch } from './use-fleet-watch'

const TABS: { id: Tab; label: string }[] = [
  { id: 'offers', label: 'Offers' },
  { id: 'instances', label: 'Instances' },
  { id: 'spending', label: 'Spending' },
  { id: 'account', label: 'Account' },
]
const PANEL_NAMES: Record<Tab, string> = {
  offers: 'Offers',
  instances: 'Instances',
  spending: 'Spending',
  account: 'Account',
}

// Budgets are read after the dashboard has painted: their check is its own small chunk.
const BudgetWatch = lazy(() =>
  import('../spending/budget-watch').then((m) => ({ default: m.BudgetWatch })),
)
const CommandPalette = lazy(() =>
  import('./command-palette').then((m) => ({ default: m.CommandPalette })),
)
const SpendingPage = lazy(() =>
  import('../spending/spending-page').then((m) => ({ default: m.SpendingPage })),
)

/** Everything after the key: loaded as its own chunk, so the first visit downloads only the key screen. */
export function Dashboard({ onForget }: { onForget: () => void }) {
  const [tab, setTab] = useTab()
  const [highlightId, setHighlightId] = useState<number | null>(null)
  const deliver = useDeliverEvents()
  const instances = useFleetWatch()
  // A budget's auto-stop is logged in the events inbox, like any other stop.
  const onBudgetEvent = useCallback(
    (event: BudgetEvent) => {
      if (event.kind === 'stopped' && event.ids.length > 0)
        deliver(event.ids.map((id) => ({ id, kind: 'stopped' as const, at: Date.now() })))
    },
    [deliver],
  )

  // Ctrl/Cmd+K opens the command palette (its chunk loads on first use).
  const [palette, setPalette] = useState<'never' | 'open' | 'closed'>('never')
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key.toLowerCase() !== 'k' || !(event.ctrlKey || event.metaKey)) return
      event.preventDefault()
      setPalette('open')
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
  const closePalette = useCallback(() => setPalette('closed'), [])

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
          <PanelBoundary name="Fleet">
            <div className="flex flex-wrap items-center gap-2">
              <FleetLine instances={instances} onOpen={() => setTab('instances')} />
              <Inbox />
            </div>
          </PanelBoundary>
          <PanelBoundary name="Budgets">
            <Suspense fallback={null}>
              <BudgetWatch onEvent={onBudgetEvent} />
            </Suspense>
          </PanelBoundary>
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
            ) : tab === 'spending' ? (
              <Suspense
                fallback={
                  <p role="status" className="text-sm text-text-soft">
                    Loading spending…
                  </p>
                }
              >
                <SpendingPage
                  onOpenInstance={(id) => {
                    setHighlightId(id)
                    setTab('instances')
                  }}
                />
              </Suspense>
            ) : (
              <AccountTab onUseTemplate={() => setTab('offers')} />
            )}
          </PanelBoundary>
        </div>
      </main>
      {palette !== 'never' && (
        <Suspense fallback={null}>
          <CommandPalette open={palette === 'open'} onClose={closePalette} onTab={setTab} />
        </Suspense>
      )}
      <ConfirmDialog />
      <Toaster />
      <BootRecorder />
      <WatchRunner />
    </>
  )
}
