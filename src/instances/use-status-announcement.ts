import { useEffect, useRef, useState } from 'react'
import type { Instance } from '../api/instances/schemas'
import { describeStatusChanges, statusSnapshot } from './instance-view'

/**
 * A sentence for the live region when an instance's status changes between two renders of the
 * list, e.g. "Instance 27400001 is now Running". The previous statuses sit in a ref; only the
 * sentence (UI text, not server data) is state. The first load announces nothing.
 */
export function useStatusAnnouncement(instances: readonly Instance[] | undefined): string {
  const previous = useRef<ReadonlyMap<number, string> | null>(null)
  const [message, setMessage] = useState('')
  useEffect(() => {
    if (!instances) return
    const next = statusSnapshot(instances)
    const lines = previous.current ? describeStatusChanges(previous.current, next) : []
    previous.current = next
    if (lines.length > 0) setMessage(lines.join('. '))
  }, [instances])
  return message
}
