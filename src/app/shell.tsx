import { lazy, Suspense } from 'react'
import {
  forgetApiKey,
  readActiveAccountId,
  readKeyMode,
  useApiKeyPresent,
} from '../api/api-key-store'
import { useAccountSwitch } from '../api/use-account-switch'
import { enterDemo, stopDemoMode } from './demo'
import { KeyScreen } from './key-screen'
import { PanelSkeleton } from '../ui/skeleton'
import { clearKeyRejected, useKeyRejected } from './session-store'

const Dashboard = lazy(() => import('./dashboard').then((m) => ({ default: m.Dashboard })))

/** Starts fetching the dashboard chunk early (a returning user with a saved key needs it at once). */
export const preloadDashboard = () => void import('./dashboard')

export function Shell() {
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
      />
    )
  }

  return (
    <Suspense fallback={<PanelSkeleton label="Loading the dashboard…" className="m-4" />}>
      <Dashboard onForget={forget} />
    </Suspense>
  )
}
