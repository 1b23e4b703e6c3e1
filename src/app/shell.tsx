import { useQueryClient, type QueryClient } from '@tanstack/react-query'
import { lazy, Suspense, useDeferredValue, useState, type ComponentType } from 'react'
import {
  forgetApiKey,
  readActiveAccountId,
  readApiKey,
  readKeyMode,
  useApiKeyPresent,
} from '../api/api-key-store'
import { useAccountSwitch } from '../api/use-account-switch'
import { enterDemo, stopDemoMode } from './demo'
import { KeyScreen } from './key-screen'
import { PanelSkeleton } from '../ui/skeleton'
import { clearKeyRejected, useKeyRejected } from './session-store'
import { readTab } from './use-tab'
import { answersRestored } from './device-answers'

type DashboardProps = { onForget: () => void }

let dashboardModule: Promise<ComponentType<DashboardProps>> | null = null
/** The dashboard's component once its chunk has loaded. */
let loadedDashboard: ComponentType<DashboardProps> | null = null

/** Starts fetching the dashboard chunk early (a returning user with a saved key needs it at once). */
export function preloadDashboard(): Promise<ComponentType<DashboardProps>> {
  dashboardModule ??= import('./dashboard').then((m) => (loadedDashboard = m.Dashboard))
  return dashboardModule
}

// The dashboard opens with the answers kept on the device, when there are some.
const LazyDashboard = lazy(() =>
  Promise.all([preloadDashboard(), answersRestored()]).then(([Dashboard]) => ({
    default: Dashboard,
  })),
)

/**
 * Settles when a returning user's dashboard can be drawn at once: its code loaded and the kept
 * answers in (or their short wait over). The app's first render waits for it, so the dashboard
 * never suspends: a Suspense fallback, once shown, holds the content back for at least 300 ms
 * (React's reveal throttle).
 */
export const dashboardReady = (): Promise<void> =>
  Promise.all([preloadDashboard(), answersRestored()]).then(
    () => undefined,
    () => undefined,
  )

/**
 * The dashboard, drawn directly when its code is already here (a returning user, or a key whose
 * check loaded it), else lazily. Decided once per mount, so it never remounts.
 */
function DashboardSlot(props: DashboardProps) {
  const [Loaded] = useState(() => loadedDashboard)
  return Loaded ? <Loaded {...props} /> : <LazyDashboard {...props} />
}

/**
 * A returning user (a saved key): the dashboard's code starts loading at boot, and on Offers its
 * first search too, adopted at once (the key was accepted before), so it runs while the code
 * loads rather than after. The demo's simulator is not running yet at boot: it waits.
 */
export function startSavedKey(client: QueryClient): void {
  const key = readApiKey()
  if (!key) return
  void preloadDashboard()
  if (readKeyMode() !== 'live' || readTab() !== 'offers') return
  void import('./early-search').then((m) => m.startFirstSearch(key).adopt(client))
}

/**
 * While a new key is checked: fetch the dashboard's code and, when it opens on offers, run its
 * first search with the key; the answer is kept if the key is accepted, dropped if not.
 */
const startWithKey = (client: QueryClient) => (key: string) => {
  void preloadDashboard()
  if (readTab() !== 'offers') return () => undefined
  const search = import('./early-search').then((m) => m.startFirstSearch(key))
  return (accepted: boolean) => {
    void search.then((early) => (accepted ? early.adopt(client) : early.discard()))
  }
}

export function Shell() {
  const client = useQueryClient()
  const hasKey = useApiKeyPresent()
  const keyRejected = useKeyRejected()

  const { remove } = useAccountSwitch()

  /** "Forget key" forgets the active account's key (the next held account takes over); "Leave demo" ends the demo. */
  const forget = () => {
    const activeId = readActiveAccountId()
    if (readKeyMode() === 'demo' || activeId === null) {
      const wasDemo = readKeyMode() === 'demo'
      forgetApiKey()
      if (wasDemo) void stopDemoMode()
    } else remove(activeId)
    clearKeyRejected()
  }

  // Switched in the background: a saved key keeps the key screen up until the dashboard's code is
  // here, then shows the dashboard at once. (A skeleton shown instead would hold the dashboard
  // back for 300 ms: React's reveal throttle for a boundary that showed its fallback.)
  const showDashboard = useDeferredValue(hasKey && !keyRejected)
  return (
    <Suspense fallback={<PanelSkeleton label="Loading the dashboard…" className="m-4" />}>
      {showDashboard ? (
        <DashboardSlot onForget={forget} />
      ) : (
        <KeyScreen
          rejectedNotice={hasKey && keyRejected}
          onTryDemo={async () => {
            await enterDemo()
            clearKeyRejected()
          }}
          onSaved={clearKeyRejected}
          onVerifying={startWithKey(client)}
        />
      )}
    </Suspense>
  )
}
