import { useId } from 'react'
import { Button } from '../ui/button'
import { eventText, markAllRead, toggleNotifications, useInbox } from './inbox-store'

const time = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
})

/** The event inbox: transitions seen by this browser, newest first, and the notification opt-in. */
export function Inbox() {
  const headingId = useId()
  const { events, notify } = useInbox()
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
