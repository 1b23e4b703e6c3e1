import { useCallback, useSyncExternalStore } from 'react'

export type Tab = 'offers' | 'instances' | 'spending' | 'account'

/** The tabs in the order the header shows them, with their names. */
export const TABS: readonly { id: Tab; label: string }[] = [
  { id: 'offers', label: 'Offers' },
  { id: 'instances', label: 'Instances' },
  { id: 'spending', label: 'Spending' },
  { id: 'account', label: 'Account' },
]
const isTab = (value: string | null): value is Tab => TABS.some((t) => t.id === value)

const listeners = new Set<() => void>()
const subscribe = (listener: () => void) => {
  listeners.add(listener)
  window.addEventListener('popstate', listener)
  return () => {
    listeners.delete(listener)
    window.removeEventListener('popstate', listener)
  }
}
export const readTab = (): Tab => {
  const value = new URLSearchParams(window.location.search).get('tab')
  return isTab(value) ? value : 'offers'
}

/** The open tab lives in the URL (?tab=instances), so links and reloads keep it. */
export function useTab(): [Tab, (tab: Tab) => void] {
  const tab = useSyncExternalStore(subscribe, readTab, () => 'offers' as const)
  const setTab = useCallback((next: Tab) => {
    const params = new URLSearchParams(window.location.search)
    if (next === 'offers') params.delete('tab')
    else params.set('tab', next)
    const query = params.toString()
    window.history.pushState(null, '', `${window.location.pathname}${query ? `?${query}` : ''}`)
    listeners.forEach((l) => l())
  }, [])
  return [tab, setTab]
}
