import { startTransition, StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { QueryClientProvider } from '@tanstack/react-query'
import '../index.css'
import { forgetApiKey, readApiKey, readKeyMode } from '../api/api-key-store'
import { createQueryClient } from './query-client'
import { keepAnswersOnDevice } from './device-answers'
import { startDemoMode } from './demo'
import { dashboardReady, Shell, startSavedKey } from './shell'

async function boot() {
  const client = createQueryClient()
  startSavedKey(client)
  // A returning user's last answers are read from the device while the dashboard's code loads.
  keepAnswersOnDevice(client)
  // A reload during the demo restarts the in-page simulator before anything asks the API.
  if (readKeyMode() === 'demo') {
    try {
      await startDemoMode()
    } catch {
      forgetApiKey()
    }
  }
  // A returning user: the first render is the dashboard itself, with the kept answers.
  if (readApiKey()) await dashboardReady()
  const root = document.getElementById('root')
  if (!root) throw new Error('#root is missing from index.html')
  // As a transition: React renders the first screen in short slices instead of one long task
  // (the whole dashboard, for a returning user), so input is never blocked for long.
  startTransition(() =>
    createRoot(root).render(
      <StrictMode>
        <QueryClientProvider client={client}>
          <Shell />
        </QueryClientProvider>
      </StrictMode>,
    ),
  )
}

void boot()
