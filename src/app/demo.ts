/**
 * Demo mode: the simulator runs in the page through an MSW service worker. It is loaded only
 * here, lazily, so a first visit downloads none of it.
 */
import { submitApiKey } from '../api/api-key-store'

export async function startDemoMode(): Promise<string> {
  // eslint-disable-next-line import-x/no-restricted-paths -- the one lazy entry into the simulator (demo mode)
  const { startDemo, DEMO_KEY } = await import('../simulator/browser')
  await startDemo()
  return DEMO_KEY
}

export async function enterDemo(): Promise<void> {
  const key = await startDemoMode()
  submitApiKey(key, false, 'demo')
}

export async function stopDemoMode(): Promise<void> {
  // eslint-disable-next-line import-x/no-restricted-paths -- see startDemoMode
  const { stopDemo } = await import('../simulator/browser')
  stopDemo()
}
