import { useId } from 'react'
import { Button } from '../ui/button'
import { eventText, markAllRead, toggleNotifications, useInbox } from './inbox-store'

const time = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
})

/**
 * The event inbox, in the header on every tab: transitions seen by this browser, newest first,
 * and the notification opt-in.
 */
export function Inbox() {
  const headingId = useId()
  const { events, notify } = useInbox()
  const unread = events.filter((e) => !e.read).length
  const supported = typeof Notification !== 'undefined'
  return (
    <details className="relative shrink-0 text-sm">
      <summary className="cursor-pointer rounded-md border border-border px-3 py-1 font-medium whitespace-nowrap text-text">
        Events{unread > 0 ? ` (${unread} new)` : ''}
      </summary>
      <section
        aria-labelledby={headingId}
        className="absolute right-0 z-20 mt-2 flex max-h-96 w-96 max-w-[90vw] flex-col gap-2 overflow-y-auto rounded-lg border border-border bg-surface p-3 shadow-lg"
      >
        <h2 id={headingId} className="sr-only">
          Instance events
        </h2>
        <div className="flex flex-wrap gap-2">
          <Button size="sm" disabled={unread === 0} onClick={markAllRead}>
            Mark all read
          </Button>
          {supported && (
            <Button size="sm" onClick={toggleNotifications}>
              {notify ? 'Turn off browser notifications' : 'Turn on browser notifications'}
            </Button>
          )}
        </div>
        {events.length === 0 ? (
          <p className="text-muted">
            No events yet. Running, stopped, auto-stopped, outbid, error, offline, destroyed and a
            contract's approaching end appear here.
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
