/**
 * Whether calls are being held back by Vast's rate limits (a 429 was answered, or the pacer is
 * making a call wait noticeably). The API layer reports; the app shows it. No timers run while
 * nothing is throttled.
 */
import { create } from 'zustand'

/** A wait shorter than this is ordinary pacing, not worth telling the user about. */
export const NOTICEABLE_WAIT_MS = 2_500

interface ThrottleState {
  /** Epoch ms until which calls are held back; 0 when not throttled. */
  until: number
}

const store = create<ThrottleState>()(() => ({ until: 0 }))
let timer: ReturnType<typeof setTimeout> | undefined

function clearWhenDue(): void {
  if (timer !== undefined) clearTimeout(timer)
  const left = store.getState().until - Date.now()
  if (left <= 0) {
    timer = undefined
    store.setState({ until: 0 })
    return
  }
  timer = setTimeout(clearWhenDue, left)
}

/** Calls are held back for `ms` from now (extends an earlier report, never shortens it). */
export function reportThrottled(ms: number): void {
  if (!(ms > 0)) return
  const until = Math.max(store.getState().until, Date.now() + ms)
  store.setState({ until })
  clearWhenDue()
}

export const isThrottled = (): boolean => store.getState().until > 0
export const useThrottled = (): boolean => store((s) => s.until > 0)
/** Epoch ms until which calls are held back (0: not throttled), for countdowns. */
export const useThrottledUntil = (): number => store((s) => s.until)

export function resetThrottle(): void {
  if (timer !== undefined) clearTimeout(timer)
  timer = undefined
  store.setState({ until: 0 })
}
