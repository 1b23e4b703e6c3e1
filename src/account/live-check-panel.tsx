/**
 * Account → "Check connection with Vast": the read-only live check (the same as
 * `npm run check:live`) run from the browser with the saved key. Its calls alone go through the
 * read-only transport (bound to the check's own signal), so the app's writes are never blocked.
 */
import { useState } from 'react'
import { exitCodeOf, runLiveCheck, type LiveCheckRow } from '../api/live-check/checks'
import { cellsOf, HEADERS } from '../api/live-check/format'
import { createTransport } from '../api/live-check/transport'
import { Button } from '../ui/button'

const SUMMARY = [
  'Every call answered and fit the app’s schemas.',
  'Some answers did not fit the app’s schemas (see PARSE FAILURE).',
  '',
  'Some calls failed (see FAILED).',
]

export default function LiveCheckPanel() {
  const [state, setState] = useState<
    | { phase: 'idle' }
    | { phase: 'running' }
    | { phase: 'done'; rows: LiveCheckRow[] }
    | { phase: 'error'; message: string }
  >({ phase: 'idle' })
  const run = () => {
    setState({ phase: 'running' })
    const { fetch: transport, recorder } = createTransport(fetch, null)
    runLiveCheck({ recorder, transport }).then(
      (rows) => setState({ phase: 'done', rows }),
      (error: unknown) =>
        setState({
          phase: 'error',
          message: error instanceof Error ? error.message : String(error),
        }),
    )
  }
  return (
    <section aria-labelledby="live-check-heading" className="flex flex-col gap-2">
      <h2 id="live-check-heading" className="text-lg font-semibold text-text">
        Connection with Vast
      </h2>
      <p className="text-sm text-text-soft">
        Reads each endpoint the app uses once (no writes) and compares what Vast sends with what the
        app expects. Field names only; no value is shown.
      </p>
      <div>
        <Button size="sm" disabled={state.phase === 'running'} onClick={run}>
          Check connection with Vast
        </Button>
      </div>
      <p role="status" className="text-sm text-text-soft">
        {state.phase === 'running'
          ? 'Checking the connection with Vast…'
          : state.phase === 'done'
            ? `Check finished. ${SUMMARY[exitCodeOf(state.rows)] ?? ''}`
            : state.phase === 'error'
              ? `The check stopped: ${state.message}`
              : ''}
      </p>
      {state.phase === 'done' && (
        <div className="overflow-x-auto">
          <table className="min-w-full text-left text-xs">
            <caption className="sr-only">Connection check with Vast, one row per call</caption>
            <thead>
              <tr>
                {HEADERS.map((header) => (
                  <th key={header} scope="col" className="border-b border-border px-2 py-1">
                    {header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {state.rows.map((row) => (
                <tr key={row.endpoint} className="align-top">
                  {cellsOf(row).map((cell, i) =>
                    i === 0 ? (
                      <th key={i} scope="row" className="px-2 py-1 font-mono font-normal">
                        {cell}
                      </th>
                    ) : (
                      <td key={i} className="px-2 py-1">
                        {cell}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
