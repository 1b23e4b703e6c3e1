import { useCallback, useSyncExternalStore } from 'react'

/** Whether a CSS media query matches now (re-renders when it changes; false without a window). */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (listener: () => void) => {
      const list = typeof window.matchMedia === 'function' ? window.matchMedia(query) : null
      list?.addEventListener('change', listener)
      return () => list?.removeEventListener('change', listener)
    },
    [query],
  )
  return useSyncExternalStore(
    subscribe,
    () => typeof window.matchMedia === 'function' && window.matchMedia(query).matches,
    () => false,
  )
}

/** Below Tailwind's `sm` breakpoint (640 px): a phone. */
export const PHONE_QUERY = '(max-width: 639.98px)'
