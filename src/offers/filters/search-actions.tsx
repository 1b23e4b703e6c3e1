import { useId, useState } from 'react'
import { Button } from '../../ui/button'
import { inputClass } from '../../ui/field'
import { type OfferFilters } from './offer-filters'
import { toBundlesQuery } from './filter-criteria'
import { toCurl, toVastaiCli } from './query-export'
import { filtersOf, useSavedSearches } from './saved-searches'

/** Saved searches (named, on this device) and "Copy as curl / vastai CLI" of the effective search. */
export function SearchActions({
  filters,
  onLoad,
}: {
  filters: OfferFilters
  onLoad: (filters: OfferFilters) => void
}) {
  const { list, save, remove } = useSavedSearches()
  const [name, setName] = useState('')
  const [notice, setNotice] = useState('')
  const [manualCopy, setManualCopy] = useState<string | null>(null)
  const nameId = useId()

  const copy = async (what: string, text: string) => {
    try {
      await navigator.clipboard.writeText(text)
      setManualCopy(null)
      setNotice(`${what} copied to the clipboard.`)
    } catch {
      setManualCopy(text)
      setNotice(`Copy the ${what} below.`)
    }
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button size="sm" onClick={() => void copy('curl command', toCurl(toBundlesQuery(filters)))}>
        Copy as curl
      </Button>
      <Button
        size="sm"
        onClick={() => void copy('vastai command', toVastaiCli(toBundlesQuery(filters)))}
      >
        Copy as vastai CLI
      </Button>
      <details className="relative">
        <summary className="cursor-pointer rounded-md border border-border-strong bg-surface px-2 py-1 text-sm">
          Saved searches ({list.length})
        </summary>
        <div className="absolute z-20 mt-1 flex w-80 flex-col gap-2 rounded-md border border-border bg-surface p-3 shadow-lg">
          <div className="flex items-end gap-2">
            <div className="flex flex-1 flex-col gap-1">
              <label htmlFor={nameId} className="text-xs font-medium text-text-soft">
                Search name
              </label>
              <input
                id={nameId}
                className={inputClass}
                value={name}
                maxLength={60}
                onChange={(event) => setName(event.target.value)}
                onKeyDown={(event) => {
                  if (event.key !== 'Enter') return
                  event.preventDefault()
                  if (!name.trim()) return
                  save(name, filters)
                  setNotice(`Saved “${name.trim()}”.`)
                  setName('')
                }}
              />
            </div>
            <Button
              size="sm"
              variant="primary"
              disabled={!name.trim()}
              onClick={() => {
                save(name, filters)
                setNotice(`Saved “${name.trim()}”.`)
                setName('')
              }}
            >
              Save search
            </Button>
          </div>
          {list.length === 0 ? (
            <p className="text-xs text-muted">No saved searches yet.</p>
          ) : (
            <ul aria-label="Saved searches" className="flex flex-col gap-1">
              {list.map((saved) => (
                <li key={saved.name} className="flex items-center gap-1">
                  <Button
                    size="sm"
                    variant="ghost"
                    className="flex-1 justify-start"
                    onClick={() => {
                      onLoad(filtersOf(saved))
                      setNotice(`Loaded “${saved.name}”.`)
                    }}
                  >
                    {saved.name}
                  </Button>
                  <Button
                    size="sm"
                    variant="ghost"
                    aria-label={`Delete saved search ${saved.name}`}
                    onClick={() => remove(saved.name)}
                  >
                    ×
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </div>
      </details>
      <p role="status" className="text-xs text-text-soft">
        {notice}
      </p>
      {manualCopy !== null && (
        <textarea
          readOnly
          aria-label="Command to copy"
          value={manualCopy}
          className="h-24 w-full rounded border border-border-strong p-2 font-mono text-xs"
          onFocus={(event) => event.target.select()}
        />
      )}
    </div>
  )
}
