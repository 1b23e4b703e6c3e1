import { useCallback, useSyncExternalStore } from 'react'
import { readUrlParam, subscribeToUrl, writeUrlParam } from '../ui/url-param'

export type Tab = 'offers' | 'instances' | 'spending' | 'account'

/** The tabs in the order the header shows them, with their names. */
export const TABS: readonly { id: Tab; label: string }[] = [
  { id: 'offers', label: 'Offers' },
  { id: 'instances', label: 'Instances' },
  { id: 'spending', label: 'Spending' },
  { id: 'account', label: 'Account' },
]
const isTab = (value: string | null): value is Tab => TABS.some((t) => t.id === value)

export const readTab = (): Tab => {
  const value = readUrlParam('tab')
  return isTab(value) ? value : 'offers'
}

/** The open tab lives in the URL (?tab=instances), so links and reloads keep it. */
export function useTab(): [Tab, (tab: Tab) => void] {
  const tab = useSyncExternalStore(subscribeToUrl, readTab, () => 'offers' as const)
  const setTab = useCallback(
    (next: Tab) => writeUrlParam('tab', next === 'offers' ? null : next, true),
    [],
  )
  return [tab, setTab]
}
