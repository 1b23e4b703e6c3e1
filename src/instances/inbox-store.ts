import { useCallback } from 'react'
import { create } from 'zustand'
import * as z from 'zod/mini'
import { INSTANCE_EVENT_KINDS, type InstanceEvent } from '../api/status-history-store'

/** The event inbox: instance transitions seen by this browser (kept in localStorage). */

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
      kind: z.enum(INSTANCE_EVENT_KINDS),
      at: z.number(),
      note: z.optional(z.string()),
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
  auto_stopped: 'was stopped by its watchdog (storage still bills)',
  outbid: 'was outbid and stopped (storage still bills)',
  error: 'exited with an error',
  host_offline: 'lost its host (offline)',
  destroyed: 'is gone (destroyed)',
  ending_24h: 'reaches its contract end within 24 h: Vast deletes its data after that',
  ending_1h: 'reaches its contract end within 1 h: Vast deletes its data after that',
  boot_fallback: 'was not running by its boot deadline',
}

export const eventText = (event: InstanceEvent) =>
  `Instance ${event.id} ${TEXT[event.kind]}${event.note ? `: ${event.note}` : ''}`

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

/** The inbox's events (newest first) and the notification opt-in. */
export const useInbox = () => store()

/** The user read every event. */
export function markAllRead(): void {
  update({ events: store.getState().events.map((e) => ({ ...e, read: true })) })
}

/** The user turned browser notifications on (granted by the browser) or off. */
export function toggleNotifications(): void {
  if (store.getState().notify) return update({ notify: false })
  void Notification.requestPermission().then((permission) =>
    update({ notify: permission === 'granted' }),
  )
}
