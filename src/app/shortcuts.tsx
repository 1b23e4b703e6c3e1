import { useCallback, useEffect, useState } from 'react'
import { Button } from '../ui/button'
import { Dialog } from '../ui/dialog'

/** The keys the app answers to, as the shortcut list shows them. */
export const SHORTCUTS: readonly { keys: string[]; what: string }[] = [
  { keys: ['/'], what: 'Search (the GPU model on Offers)' },
  { keys: ['?'], what: 'Show this list' },
  { keys: ['←', '→'], what: 'Previous / next tab (on a tab)' },
  { keys: ['↑', '↓', 'Page Up', 'Page Down'], what: 'Move between offers (on a Rent button)' },
  { keys: ['Esc'], what: 'Close a dialog or a list' },
]

/** The element `/` focuses: the open tab's main search field, marked `data-search`. */
const SEARCH_SELECTOR = 'main [data-search]'

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))

/**
 * `/` focuses the search field, `?` opens the shortcut list. Keys typed into a field, or with
 * Ctrl/Alt/Meta, are left alone; nothing fires while a dialog is open.
 */
export function useShortcuts(openList: () => void) {
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return
      if (typing(event.target) || document.querySelector('dialog[open]')) return
      if (event.key === '/') {
        const field = document.querySelector<HTMLElement>(SEARCH_SELECTOR)
        if (!field) return
        event.preventDefault()
        field.focus()
      } else if (event.key === '?') {
        event.preventDefault()
        openList()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [openList])
}

/** The shortcut list, a real dialog. */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} title="Keyboard shortcuts" onClose={onClose}>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        {SHORTCUTS.map(({ keys, what }) => (
          <div key={what} className="contents">
            <dt className="flex flex-wrap gap-1">
              {keys.map((key) => (
                <kbd
                  key={key}
                  className="rounded border border-border-strong bg-surface-sunken px-1.5 py-0.5 font-mono text-xs"
                >
                  {key}
                </kbd>
              ))}
            </dt>
            <dd className="text-text-soft">{what}</dd>
          </div>
        ))}
      </dl>
      <div className="mt-4 flex justify-end">
        <Button onClick={onClose}>Close</Button>
      </div>
    </Dialog>
  )
}

/** Opens the list from a button as well (for those who do not know to press `?`). */
export function useShortcutList() {
  const [open, setOpen] = useState(false)
  const show = useCallback(() => setOpen(true), [])
  const hide = useCallback(() => setOpen(false), [])
  return { open, show, hide }
}
