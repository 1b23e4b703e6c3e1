/**
 * Demo mode: the simulator runs in the page through an MSW service worker. It is loaded only
 * here, lazily, so a first visit downloads none of it.
 */
import { submitApiKey } from '../api/api-key-store'

export async function startDemoMode(): Promise<{ personal: string; team: string }> {
  // eslint-disable-next-line import-x/no-restricted-paths -- the one lazy entry into the simulator (demo mode)
  const { startDemo, DEMO_KEY, DEMO_TEAM_KEY } = await import('../simulator/browser')
  await startDemo()
  return { personal: DEMO_KEY, team: DEMO_TEAM_KEY }
}

/** Two simulated accounts, a personal one (active) and a team one, both for this session only. */
export async function enterDemo(): Promise<void> {
  const keys = await startDemoMode()
  submitApiKey(keys.personal, false, 'demo', { name: 'Demo: personal' })
  submitApiKey(keys.team, false, 'demo', { name: 'Demo: team', activate: false })
}

export async function stopDemoMode(): Promise<void> {
  // eslint-disable-next-line import-x/no-restricted-paths -- see startDemoMode
  const { stopDemo } = await import('../simulator/browser')
  stopDemo()
}
