import { useEffect, useState } from 'react'

/** Unix seconds now, refreshed every minute (today's date and the projection follow it). */
export function useClock(intervalMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now() / 1000)
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now() / 1000), intervalMs)
    return () => clearInterval(timer)
  }, [intervalMs])
  return now
}
