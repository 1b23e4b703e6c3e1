import type { KeyboardEvent, RefObject } from 'react'
import { ROW_HEIGHT_PX } from './use-window-rows'

/**
 * Arrow keys, Page Up/Down, Home and End move between rows' Rent buttons (the rows' focusable
 * elements), scrolling a row that is not rendered yet into view first.
 */
export function useRowKeys(
  boxRef: RefObject<HTMLElement | null>,
  rowCount: number,
  scrollToIndex: (index: number, align: 'auto') => void,
) {
  const focusRow = (index: number) => {
    const target = Math.max(0, Math.min(rowCount - 1, index))
    const focus = () => {
      const button = boxRef.current?.querySelector<HTMLButtonElement>(
        `tr[aria-rowindex="${target + 2}"] [data-rent-button]`,
      )
      button?.focus({ preventScroll: false })
      return Boolean(button)
    }
    if (focus()) return
    scrollToIndex(target, 'auto')
    requestAnimationFrame(() => {
      if (!focus()) requestAnimationFrame(focus)
    })
  }

  return (event: KeyboardEvent<HTMLElement>) => {
    if (!(event.target instanceof HTMLElement)) return
    const tr = event.target.closest('tr[aria-rowindex]')
    if (!tr || event.target.closest('thead')) return
    const index = Number(tr.getAttribute('aria-rowindex')) - 2
    const page = Math.max(1, Math.floor((window.innerHeight - 160) / ROW_HEIGHT_PX))
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + page,
      PageUp: index - page,
      Home: 0,
      End: rowCount - 1,
    }
    const next = moves[event.key]
    if (next === undefined) return
    event.preventDefault()
    focusRow(next)
  }
}
