import { useQueryClient, type QueryClient } from '@tanstack/react-query'
import { lazy, Suspense } from 'react'
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

// The dashboard opens with the answers kept on the device, when there are some.
const Dashboard = lazy(() =>
  Promise.all([import('./dashboard'), answersRestored()]).then(([m]) => ({
    default: m.Dashboard,
  })),
)

/** Starts fetching the dashboard chunk early (a returning user with a saved key needs it at once). */
export const preloadDashboard = () => void import('./dashboard')

/**
 * A returning user (a saved key): the dashboard's code starts loading at boot, and on Offers its
 * first search too, adopted at once (the key was accepted before), so it runs while the code
 * loads rather than after. The demo's simulator is not running yet at boot: it waits.
 */
export function startSavedKey(client: QueryClient): void {
  const key = readApiKey()
  if (!key) return
  preloadDashboard()
  if (readKeyMode() !== 'live' || readTab() !== 'offers') return
  void import('./early-search').then((m) => m.startFirstSearch(key).adopt(client))
}

/**
 * While a new key is checked: fetch the dashboard's code and, when it opens on offers, run its
 * first search with the key; the answer is kept if the key is accepted, dropped if not.
 */
const startWithKey = (client: QueryClient) => (key: string) => {
  preloadDashboard()
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

  if (!hasKey || keyRejected) {
    return (
      <KeyScreen
        rejectedNotice={hasKey && keyRejected}
        onTryDemo={async () => {
          await enterDemo()
          clearKeyRejected()
        }}
        onSaved={clearKeyRejected}
        onVerifying={startWithKey(client)}
      />
    )
  }

  return (
    <Suspense fallback={<PanelSkeleton label="Loading the dashboard…" className="m-4" />}>
      <Dashboard onForget={forget} />
    </Suspense>
  )
}
