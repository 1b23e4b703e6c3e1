/**
 * Demo mode: the simulator runs in the page behind MSW's service worker. `app/` lazy-imports
 * this module, so the simulator is a separate chunk that a first visit never downloads.
 */
import { setupWorker, type SetupWorker } from 'msw/browser'
import { handlers } from './handlers'
import { createWorld, DEMO_KEY, getWorld } from './model'

export { DEMO_KEY } from './model'
/** A second demo account (a "team"), so the demo shows switching and the combined view. */
export const DEMO_TEAM_KEY = 'demo-team-key-not-a-real-key'

let worker: SetupWorker | null = null

/** Creates the demo world (once per page) and starts the worker. Unknown requests go to the network as usual. */
export async function startDemo(): Promise<void> {
  if (!getWorld(DEMO_KEY)) {
    createWorld({ key: DEMO_KEY, clock: 'real', rateLimits: true, instances: 2, offers: 200 })
  }
  if (!getWorld(DEMO_TEAM_KEY)) {
    createWorld({ key: DEMO_TEAM_KEY, clock: 'real', rateLimits: true, instances: 4, credit: 140 })
  }
  worker ??= setupWorker(...handlers)
  await worker.start({
    onUnhandledRequest: 'bypass',
    serviceWorker: { url: '/mockServiceWorker.js' },
    quiet: true,
  })
}

/** Stops intercepting. The demo world stays in memory, so re-entering the demo continues it. */
export function stopDemo(): void {
  worker?.stop()
  worker = null
}
