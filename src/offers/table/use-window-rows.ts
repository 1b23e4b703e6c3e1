import { useWindowVirtualizer } from '@tanstack/react-virtual'
import { useLayoutEffect, useState, type RefObject } from 'react'

/**
 * Up to this many rows render plainly; longer lists are virtualized (about 30 rows in the DOM,
 * whatever the count).
 */
export const VIRTUALIZE_ABOVE = 50
export const ROW_HEIGHT_PX = 41
const OVERSCAN = 12
/** Rows shown before the scroll box has been measured. */
const UNMEASURED_ROWS = 30

/** `?render=plain` renders every row (the benchmark's baseline): not for users. */
const PLAIN_RENDER =
  typeof window !== 'undefined' &&
  new URLSearchParams(window.location.search).get('render') === 'plain'

/**
 * Which of `rows` to render, with the spacer heights above and below them. The page is the
 * scroller: rows are placed from where the table's body starts on the page, so the header stays
 * sticky and the table keeps table semantics.
 */
export function useWindowRows<Row extends { id: string }>(
  rows: readonly Row[],
  tbodyRef: RefObject<HTMLTableSectionElement | null>,
) {
  const virtual = !PLAIN_RENDER && rows.length > VIRTUALIZE_ABOVE
  const [bodyTop, setBodyTop] = useState(0)
  useLayoutEffect(() => {
    const measure = () => {
      const body = tbodyRef.current
      if (body) setBodyTop(body.getBoundingClientRect().top + window.scrollY)
    }
    measure()
    if (typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(measure)
    observer.observe(document.body)
    return () => observer.disconnect()
  }, [tbodyRef])
  const virtualizer = useWindowVirtualizer({
    count: virtual ? rows.length : 0,
    estimateSize: () => ROW_HEIGHT_PX,
    getItemKey: (index) => rows[index]?.id ?? index,
    overscan: OVERSCAN,
    scrollMargin: bodyTop,
    initialRect: { width: 1200, height: 640 },
  })
  const items = virtual ? virtualizer.getVirtualItems() : []
  // No layout to measure yet (or none at all, as in jsdom): the first rows, then space.
  const unmeasured = virtual && items.length === 0
  const first = items[0]
  const last = items.at(-1)
  const padTop = first ? first.start - bodyTop : 0
  const padBottom = unmeasured
    ? Math.max(0, rows.length - UNMEASURED_ROWS) * ROW_HEIGHT_PX
    : last
      ? virtualizer.getTotalSize() - (last.end - bodyTop)
      : 0
  const shown = unmeasured
    ? rows.slice(0, UNMEASURED_ROWS).map((row, index) => ({ row, index }))
    : virtual
      ? items.flatMap((item) => {
          const row = rows[item.index]
          return row ? [{ row, index: item.index }] : []
        })
      : rows.map((row, index) => ({ row, index }))
  /** Scrolls row `index` into view when it is not rendered (virtual lists only). */
  const scrollToIndex = (index: number, align: 'auto' | 'center') => {
    if (virtual) virtualizer.scrollToIndex(index, { align })
  }
  return { virtual, shown, padTop, padBottom, scrollToIndex }
}
