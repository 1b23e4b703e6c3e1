import { useQuery } from '@tanstack/react-query'
import { Keyboard } from 'lucide-react'
import { useLayoutEffect, useRef, type KeyboardEvent, type ReactNode } from 'react'
import { instanceQueries } from '../api/instances/queries'
import { cn } from '../ui/cn'
import { LogoMark } from '../ui/logo-mark'
import { ThemePicker } from '../ui/theme-picker'
import { TABS, type Tab } from './use-tab'

export interface AppHeaderProps {
  tab: Tab
  onTab: (tab: Tab) => void
  /** The account line (who, credit, account switcher). */
  account: ReactNode
  /** Budget alerts. */
  budgets?: ReactNode
  /** A one-line summary of the running fleet, beside the name. */
  fleet?: ReactNode
  onShowShortcuts: () => void
}

/**
 * The sticky frame: the mark and name, the fleet line, the account, the theme and the tabs (with
 * the instance count once the list is known). Sticky from 640 px up; on a phone it scrolls away
 * so the offers get the whole screen.
 */
export function AppHeader({
  tab,
  onTab,
  account,
  budgets,
  fleet,
  onShowShortcuts,
}: AppHeaderProps) {
  // Read from the cache only: the Instances tab (or the fleet line) loads the list.
  const instances = useQuery({
    ...instanceQueries.list(),
    enabled: false,
    select: (list) => list.instances.length,
  })
  const counts: Partial<Record<Tab, number>> = { instances: instances.data }

  // Sticky table heads sit just under the header: its height, as --header-h on <html>.
  const ref = useRef<HTMLElement>(null)
  useLayoutEffect(() => {
    const header = ref.current
    if (!header || typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(() =>
      document.documentElement.style.setProperty('--header-h', `${header.offsetHeight}px`),
    )
    observer.observe(header)
    return () => observer.disconnect()
  }, [])

  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return
    const index = TABS.findIndex((t) => t.id === tab)
    const next = TABS[(index + (event.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]
    if (next) {
      onTab(next.id)
      document.getElementById(`tab-${next.id}`)?.focus()
    }
  }

  return (
    <header ref={ref} className="z-30 border-b border-border bg-surface sm:sticky sm:top-0">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 pt-2">
        <p className="flex items-center gap-2 text-base font-semibold whitespace-nowrap text-text">
          <LogoMark className="size-6" />
          Vast GPU Console
        </p>
        <div className="max-w-full min-w-0 sm:flex-none sm:whitespace-nowrap">{fleet}</div>
        {budgets}
        {account}
        <div className="flex items-center gap-2">
          <ThemePicker />
          <button
            type="button"
            onClick={onShowShortcuts}
            aria-label="Keyboard shortcuts"
            title="Keyboard shortcuts (?)"
            className="rounded-md p-1.5 text-muted hover:bg-surface-sunken hover:text-text focus-visible:outline-2 focus-visible:outline-accent"
          >
            <Keyboard aria-hidden="true" className="size-4" />
          </button>
        </div>
      </div>
      <nav className="px-4" aria-label="Sections">
        <div role="tablist" aria-label="Sections" className="-mb-px flex overflow-x-auto">
          {TABS.map((t) => {
            const count = counts[t.id]
            return (
              <button
                key={t.id}
                id={`tab-${t.id}`}
                type="button"
                role="tab"
                aria-selected={tab === t.id}
                aria-controls={`panel-${t.id}`}
                tabIndex={tab === t.id ? 0 : -1}
                onClick={() => onTab(t.id)}
                onKeyDown={onTabKey}
                className={cn(
                  'relative flex items-center gap-1.5 border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-accent sm:px-4',
                  tab === t.id
                    ? 'border-accent text-accent-text'
                    : 'border-transparent text-text-soft hover:text-text',
                )}
              >
                {t.label}
                {count !== undefined && (
                  <span className="rounded-full bg-surface-sunken px-1.5 text-xs text-text-soft tabular-nums">
                    <span className="sr-only">(</span>
                    {count}
                    <span className="sr-only">)</span>
                  </span>
                )}
              </button>
            )
          })}
        </div>
      </nav>
    </header>
  )
}
