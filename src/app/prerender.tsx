/**
 * Build-time only (vite.config.ts runs it after the client build): the key screen as static
 * HTML, placed inside #root of index.html. It paints as soon as the CSS arrives; the app then
 * replaces it with the identical live screen (or, for a saved key, boot.js has hidden it).
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { renderToString } from 'react-dom/server'
import { KeyScreen } from './key-screen'

export function renderKeyScreen(): string {
  return renderToString(
    <QueryClientProvider client={new QueryClient()}>
      <KeyScreen onTryDemo={() => Promise.resolve()} />
    </QueryClientProvider>,
  )
}
