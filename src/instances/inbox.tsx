import { useCallback, useId } from 'react'
import { create } from 'zustand'
import * as z from 'zod/mini'
import { Button } from '../ui/button'
import type { InstanceEvent } from './observed'

const STORAGE_KEY = 'vast-console.inbox.v1'
const MAX_EVENTS = 50

interface InboxState {
  events: (InstanceEvent & { read: boolean })[]
  /** The user opted in to browser notifications (and the browser granted them). */
  notify: boolean
}

const storedSchema = z.object({
  events: z.array(
    z.object({
      id: z.number(),
      kind: z.enum(['running', 'stopped', 'error', 'host_offline', 'destroyed']),
      at: z.number(),
      read: z.boolean(),
    }),
  ),
  notify: z.boolean(),
})

function load(): InboxState {
  try {
    const raw = window.localStorage.getItem(STORAGE_KEY)
    const parsed = raw ? z.safeParse(storedSchema, JSON.parse(raw)) : null
    if (parsed?.success) return parsed.data
  } catch {
    // unreadable: start empty
  }
  return { events: [], notify: false }
}

const store = create<InboxState>()(() =>
  typeof window === 'undefined' ? { events: [], notify: false } : load(),
)

function update(next: Partial<InboxState>): void {
  store.setState(next)
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(store.getState()))
  } catch {
    // kept in memory only
  }
}

const TEXT: Record<InstanceEvent['kind'], string> = {
  running: 'is running',
  stopped: 'stopped (storage still bills)',
  error: 'exited with an error',
  host_offline: 'lost its host (offline)',
  destroyed: 'is gone (destroyed)',
}

export const eventText = (event: InstanceEvent) => `Instance ${event.id} ${TEXT[event.kind]}`

/** Adds events to the inbox and, when opted in, shows each as a browser notification. */
export function useDeliverEvents(): (events: InstanceEvent[]) => void {
  return useCallback((events: InstanceEvent[]) => {
    const state = store.getState()
    update({
      events: [...events.map((e) => ({ ...e, read: false })), ...state.events].slice(0, MAX_EVENTS),
    })
    if (state.notify && typeof Notification !== 'undefined') {
      if (Notification.permission === 'granted') {
        for (const event of events) new Notification('Vast GPU Console', { body: eventText(event) })
      }
    }
  }, [])
}

const time = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
})

/** The event inbox: transitions seen by this browser, newest first, and the notification opt-in. */
export function Inbox() {
  const headingId = useId()
  const { events, notify } = store()
  const unread = events.filter((e) => !e.read).length
  const supported = typeof Notification !== 'undefined'
  return (
    <details className="rounded-lg border border-border bg-surface p-3 text-sm">
      <summary className="cursor-pointer font-medium text-text">
        Events{unread > 0 ? ` (${unread} new)` : ''}
      </summary>
      <section aria-labelledby={headingId} className="mt-2 flex flex-col gap-2">
        <h2 id={headingId} className="sr-only">
          Events
        </h2>
        <div className="flex flex-wrap gap-2">
          <Button
            size="sm"
            disabled={unread === 0}
            onClick={() => update({ events: events.map((e) => ({ ...e, read: true })) })}
          >
            Mark all read
          </Button>
          {supported && (
            <Button
              size="sm"
              onClick={() => {
                if (notify) return update({ notify: false })
                void Notification.requestPermission().then((permission) =>
                  update({ notify: permission === 'granted' }),
                )
              }}
            >
              {notify ? 'Turn off browser notifications' : 'Turn on browser notifications'}
            </Button>
          )}
        </div>
        {events.length === 0 ? (
          <p className="text-muted">
            No events yet. Changes to running, stopped, error, offline or destroyed appear here.
          </p>
        ) : (
          <ul className="flex flex-col gap-1">
            {events.map((event) => (
              <li
                key={`${event.id}-${event.kind}-${event.at}`}
                className={event.read ? 'text-muted' : 'font-medium text-text'}
              >
                {`${time.format(event.at)} · ${eventText(event)}`}
              </li>
            ))}
          </ul>
        )}
      </section>
    </details>
  )
}
