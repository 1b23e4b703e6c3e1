import { useEffect, useMemo, useState } from 'react'
import { fetchLogText, requestLogs } from '../api/instances/endpoints'
import { useApiMutation } from '../api/mutation'
import type { Instance } from '../api/instances/schemas'
import { Button } from '../ui/button'
import { Dialog } from '../ui/dialog'
import { Field } from '../ui/field'
import { SelectField } from '../ui/select-field'

const TAILS = [
  { value: '100', label: 'Last 100 lines' },
  { value: '1000', label: 'Last 1,000 lines' },
  { value: '5000', label: 'Last 5,000 lines' },
] as const

/** Lines containing `filter` (case-insensitive); all lines when it is empty. */
export function filterLines(text: string, filter: string): string[] {
  const lines = text.replace(/\n$/, '').split('\n')
  const needle = filter.trim().toLowerCase()
  return needle ? lines.filter((line) => line.toLowerCase().includes(needle)) : lines
}

/** "Logs" opens a dialog: request_logs → wait for result_url → the text, filterable, copy, download. */
export function LogViewer({ instance }: { instance: Instance }) {
  const [open, setOpen] = useState(false)
  const [tail, setTail] = useState<string>('1000')
  const [filter, setFilter] = useState('')
  const [waiting, setWaiting] = useState(0)
  const [copied, setCopied] = useState(false)
  const load = useApiMutation(
    async (lines: number) => {
      setWaiting(0)
      const answer = await requestLogs(instance.id, lines)
      if ('message' in answer) return { said: answer.message }
      return { text: await fetchLogText(answer.url, { onWait: setWaiting }) }
    },
    { invalidates: [] },
  )
  const said = load.data && 'said' in load.data ? load.data.said : null
  const logText = load.data && 'text' in load.data ? load.data.text : undefined
  const text = logText ?? ''
  const shown = useMemo(() => filterLines(text, filter), [text, filter])
  const download = useMemo(
    () =>
      logText === undefined
        ? null
        : URL.createObjectURL(new Blob([logText], { type: 'text/plain' })),
    [logText],
  )
  useEffect(() => () => (download ? URL.revokeObjectURL(download) : undefined), [download])
  return (
    <>
      <Button
        size="sm"
        onClick={() => {
          setOpen(true)
          // Opening asks for the log at once (a read: the dialog never opens empty).
          if (load.data === undefined && !load.isPending) load.mutate(Number(tail))
        }}
      >
        Logs
      </Button>
      <Dialog
        open={open}
        title={`Logs of instance ${instance.id}`}
        onClose={() => setOpen(false)}
        className="max-w-4xl"
      >
        <div className="flex flex-col gap-3">
          <div className="flex flex-wrap items-end gap-3">
            <SelectField
              label="Tail"
              options={TAILS}
              value={tail}
              onChange={(event) => setTail(event.target.value)}
            />
            <Button
              variant="primary"
              size="sm"
              disabled={load.isPending}
              onClick={() => load.mutate(Number(tail))}
            >
              {load.data === undefined ? 'Fetch logs' : 'Fetch again'}
            </Button>
            <Field
              label="Filter lines"
              type="search"
              className="w-56"
              value={filter}
              onChange={(event) => setFilter(event.target.value)}
            />
          </div>
          <p role="status" className="text-sm text-text-soft">
            {load.isPending
              ? waiting > 0
                ? `Waiting for Vast to publish the log (check ${waiting})…`
                : 'Asking Vast for the log…'
              : said !== null
                ? `Vast sent no log: ${said}`
                : logText !== undefined
                  ? `${shown.length} of ${filterLines(text, '').length} lines`
                  : ''}
          </p>
          {load.isError && (
            <p role="alert" className="rounded bg-danger-soft p-2 text-sm text-danger-text">
              {load.error.message}
            </p>
          )}
          {logText !== undefined && (
            <>
              <pre
                aria-label="Log text"
                className="max-h-96 overflow-auto rounded bg-inverse p-3 font-mono text-xs text-inverse-text"
              >
                {shown.join('\n')}
              </pre>
              <div className="flex flex-wrap gap-2">
                <Button
                  size="sm"
                  onClick={() => {
                    void navigator.clipboard?.writeText(shown.join('\n')).then(
                      () => setCopied(true),
                      () => setCopied(false),
                    )
                  }}
                >
                  {copied ? 'Copied' : 'Copy'}
                </Button>
                {download && (
                  <a
                    className="inline-flex items-center rounded-md border border-border-strong px-2 py-1 text-sm text-text hover:bg-surface-sunken"
                    href={download}
                    download={`instance-${instance.id}.log`}
                  >
                    Download
                  </a>
                )}
              </div>
            </>
          )}
          <div className="flex justify-end">
            <Button onClick={() => setOpen(false)}>Close</Button>
          </div>
        </div>
      </Dialog>
    </>
  )
}
