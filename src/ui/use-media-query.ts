import { useCallback, useSyncExternalStore } from 'react'

/** One MediaQueryList per query: reading `.matches` is cheap, making a list is not. */
const lists = new Map<string, MediaQueryList | null>()
function listFor(query: string): MediaQueryList | null {
  let list = lists.get(query)
  if (list === undefined) {
    list = typeof window.matchMedia === 'function' ? window.matchMedia(query) : null
    lists.set(query, list)
  }
  return list
}

/** Whether a CSS media query matches now (re-renders when it changes; false without a window). */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (listener: () => void) => {
      const list = listFor(query)
      list?.addEventListener('change', listener)
      return () => list?.removeEventListener('change', listener)
    },
    [query],
  )
  return useSyncExternalStore(
    subscribe,
    () => listFor(query)?.matches ?? false,
    () => false,
  )
}

/** Below Tailwind's `sm` breakpoint (640 px): a phone. */
export const PHONE_QUERY = '(max-width: 639.98px)'
