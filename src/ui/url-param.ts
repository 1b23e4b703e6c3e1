/**
 * One query-string parameter as UI state (the open tab, an open model page): read from the URL,
 * written with a history entry (push) or in place (replace), and followed on Back and Forward.
 * Every parameter written here notifies every subscriber, which re-reads its own.
 */
const listeners = new Set<() => void>()

/** For useSyncExternalStore: calls `listener` on each write here and on popstate. */
export function subscribeToUrl(listener: () => void): () => void {
  listeners.add(listener)
  window.addEventListener('popstate', listener)
  return () => {
    listeners.delete(listener)
    window.removeEventListener('popstate', listener)
  }
}

export const readUrlParam = (name: string): string | null =>
  new URLSearchParams(window.location.search).get(name)

/** Sets (or, with null, removes) one parameter, keeping the others. */
export function writeUrlParam(name: string, value: string | null, push: boolean): void {
  const params = new URLSearchParams(window.location.search)
  if (value === null) params.delete(name)
  else params.set(name, value)
  const query = params.toString()
  const url = `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`
  if (push) window.history.pushState(window.history.state, '', url)
  else window.history.replaceState(window.history.state, '', url)
  listeners.forEach((listener) => listener())
}
