import { lazy, Suspense, useCallback, useEffect, useState } from 'react'
import { AccountPanel } from '../account/account-panel'
import { FleetLine } from '../instances/fleet-line'
import { AutoFallback } from '../instances/fallback/auto-fallback'
import { Inbox } from '../instances/inbox'
import { useDeliverEvents } from '../instances/inbox-store'
import { InstancesPage } from '../instances/instances-page'
import { BootRecorder } from '../offers/market/boot-recorder'
import { WatchRunner } from '../offers/market/watch-runner'
import { OffersPage } from '../offers/offers-page'
import type { BudgetEvent } from '../spending/budget-watch'
import { ConfirmDialog } from '../ui/confirm-dialog'
import { Toaster } from '../ui/toaster'
import { useTab, type Tab } from './use-tab'
import { AppHeader } from './app-header'
import { ShortcutsDialog, useShortcutList, useShortcuts } from './shortcuts'
import { PanelSkeleton } from '../ui/skeleton'
import { PanelBoundary } from './panel-boundary'
import { AccountTab } from './account-tab'
import { StatusBanners } from './status-banners'
import { useFleetWatch } from './use-fleet-watch'

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

  const shortcuts = useShortcutList()
  useShortcuts(shortcuts.show)

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

  return (
    <>
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-accent px-3 py-2 text-sm font-medium text-on-accent focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        Skip to content
      </a>
      <AppHeader
        tab={tab}
        onTab={setTab}
        onShowShortcuts={shortcuts.show}
        fleet={
          <PanelBoundary name="Fleet">
            <div className="flex min-w-0 items-center gap-2">
              <FleetLine instances={instances} onOpen={() => setTab('instances')} />
              <Inbox />
            </div>
          </PanelBoundary>
        }
        budgets={
          <PanelBoundary name="Budgets">
            <Suspense fallback={null}>
              <BudgetWatch onEvent={onBudgetEvent} />
            </Suspense>
          </PanelBoundary>
        }
        account={
          <PanelBoundary name="Account">
            <AccountPanel />
          </PanelBoundary>
        }
      />
      <StatusBanners />
      <main id="main" tabIndex={-1} className="px-4 py-4 outline-none">
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
              <Suspense fallback={<PanelSkeleton label="Loading spending…" />}>
                <SpendingPage
                  onOpenInstance={(id) => {
                    setHighlightId(id)
                    setTab('instances')
                  }}
                />
              </Suspense>
            ) : (
              <AccountTab onUseTemplate={() => setTab('offers')} onForget={onForget} />
            )}
          </PanelBoundary>
        </div>
      </main>
      <ShortcutsDialog open={shortcuts.open} onClose={shortcuts.hide} />
      {palette !== 'never' && (
        <Suspense fallback={null}>
          <CommandPalette open={palette === 'open'} onClose={closePalette} onTab={setTab} />
        </Suspense>
      )}
      <BootRecorder />
      <AutoFallback />
      <WatchRunner />
      <ConfirmDialog />
      <Toaster />
    </>
  )
}
