import { useCallback, useSyncExternalStore } from 'react'
import { readUrlParam, subscribeToUrl, writeUrlParam } from '../ui/url-param'

export type Tab = 'offers' | 'instances' | 'spending' | 'account'

const TABS: readonly Tab[] = ['offers', 'instances', 'spending', 'account']
const isTab = (value: string | null): value is Tab => TABS.some((t) => t === value)

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
