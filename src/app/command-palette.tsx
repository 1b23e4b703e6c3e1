/**
 * The command palette (Ctrl/Cmd+K): go to a tab, find an instance by id or label and act on it
 * (Stop and Destroy through the same confirmations as the table), run a saved search. A combobox
 * over one list of commands; loaded as its own chunk on first use.
 */
import { useQuery } from '@tanstack/react-query'
import { useId, useMemo, useState, type KeyboardEvent } from 'react'
import { instanceQueries } from '../api/instances/queries'
import type { Instance } from '../api/instances/schemas'
import { stripAutoStopMarker } from '../domain/auto-stop'
import { statusLabel } from '../domain/instance-status'
import { readSavedSearches } from '../offers/filters/saved-searches'
import { gpuText } from '../instances/instance-view'
import { useInstanceActions } from '../instances/use-instance-actions'
import { Dialog } from '../ui/dialog'
import { cn } from '../ui/cn'
import { inputClass } from '../ui/field'
import { TABS, type Tab } from './use-tab'

interface Command {
  id: string
  group: string
  label: string
  hint?: string
  disabled?: boolean
  run: () => void
}

export interface CommandPaletteProps {
  open: boolean
  onClose: () => void
  onTab: (tab: Tab) => void
}

const matches = (text: string, query: string) =>
  query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => text.toLowerCase().includes(word))

function instanceName(instance: Instance): string {
  const label = stripAutoStopMarker(instance.label)
  return `Instance ${instance.id}${label ? ` · ${label}` : ''}`
}

export function CommandPalette({ open, onClose, onTab }: CommandPaletteProps) {
  const [query, setQuery] = useState('')
  const [chosen, setChosen] = useState<Instance | null>(null)
  const instances = useQuery({ ...instanceQueries.list(), enabled: open })
  const list = instances.data?.instances
  const close = () => {
    setQuery('')
    setChosen(null)
    onClose()
  }

  const commands = useMemo<Command[]>(() => {
    const tabs = TABS.map(({ id: tab, label: name }) => ({
      id: `tab-${tab}`,
      group: 'Go to',
      label: `Go to ${name}`,
      run: () => onTab(tab),
    }))
    const found = (list ?? []).map((instance) => ({
      id: `instance-${instance.id}`,
      group: 'Instances',
      label: instanceName(instance),
      hint: `${gpuText(instance)} · ${statusLabel(instance)}`,
      run: () => setChosen(instance),
    }))
    const searches = readSavedSearches().map((saved) => ({
      id: `search-${saved.name}`,
      group: 'Saved searches',
      label: `Run saved search ${saved.name}`,
      run: () => {
        window.history.pushState(null, '', `${window.location.pathname}?${saved.query}`)
        window.dispatchEvent(new PopStateEvent('popstate'))
      },
    }))
    return [...tabs, ...found, ...searches]
  }, [list, onTab])

  return (
    <Dialog open={open} title="Command palette" onClose={close} className="max-w-lg self-start">
      {chosen ? (
        <InstanceCommands
          instance={list?.find((i) => i.id === chosen.id) ?? chosen}
          onBack={() => setChosen(null)}
          onDone={close}
        />
      ) : (
        <CommandList
          label="Search commands, instances and saved searches"
          query={query}
          onQuery={setQuery}
          commands={commands.filter(
            (c) => !query || matches(`${c.label} ${c.hint ?? ''} ${c.group}`, query),
          )}
          onRun={(command) => {
            command.run()
            if (!command.id.startsWith('instance-')) close()
            else setQuery('')
          }}
        />
      )}
    </Dialog>
  )
}

/** One instance's actions, each the table's own (same confirmation, same request). */
function InstanceCommands({
  instance,
  onBack,
  onDone,
}: {
  instance: Instance
  onBack: () => void
  onDone: () => void
}) {
  const [query, setQuery] = useState('')
  const actions = useInstanceActions(instance)
  const name = instanceName(instance)
  const commands: Command[] = [
    ...actions.map((action) => ({
      id: action.id,
      group: name,
      label: `${action.label} ${name}`,
      hint: action.disabledReason ?? undefined,
      disabled: action.disabledReason !== null,
      run: action.run,
    })),
    { id: 'back', group: name, label: 'Back to all commands', run: onBack },
  ]
  return (
    <CommandList
      label={`Actions for ${name}`}
      query={query}
      onQuery={setQuery}
      commands={commands.filter((c) => !query || matches(c.label, query))}
      onRun={(command) => {
        if (command.id === 'back') {
          command.run()
          return
        }
        // The confirmation opens over the page once the palette has closed.
        onDone()
        command.run()
      }}
    />
  )
}

function CommandList({
  label,
  query,
  onQuery,
  commands,
  onRun,
}: {
  label: string
  query: string
  onQuery: (query: string) => void
  commands: Command[]
  onRun: (command: Command) => void
}) {
  const listId = useId()
  const [active, setActive] = useState(0)
  const index = Math.min(active, Math.max(0, commands.length - 1))
  const current = commands[index]
  const optionId = (i: number) => `${listId}-${i}`
  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      const step = event.key === 'ArrowDown' ? 1 : -1
      setActive((index + step + commands.length) % Math.max(1, commands.length))
    } else if (event.key === 'Enter') {
      event.preventDefault()
      if (current && !current.disabled) onRun(current)
    }
  }
  return (
    <div className="flex flex-col gap-2">
      <input
        role="combobox"
        aria-label={label}
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={current ? optionId(index) : undefined}
        className={inputClass}
        placeholder="Type a command, an instance id or label…"
        value={query}
        autoComplete="off"
        // The palette exists to be typed into at once.
        // eslint-disable-next-line jsx-a11y/no-autofocus
        autoFocus
        onChange={(event) => {
          onQuery(event.target.value)
          setActive(0)
        }}
        onKeyDown={onKey}
      />
      <ul id={listId} role="listbox" aria-label={label} className="max-h-80 overflow-y-auto">
        {commands.map((command, i) => (
          // The keyboard works through the combobox (aria-activedescendant), not the options.
          // eslint-disable-next-line jsx-a11y/click-events-have-key-events
          <li
            key={command.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === index}
            aria-disabled={command.disabled || undefined}
            className={cn(
              'flex cursor-pointer items-baseline justify-between gap-3 rounded px-2 py-1.5 text-sm',
              i === index ? 'bg-accent-soft text-accent-text' : 'text-text',
              command.disabled && 'cursor-not-allowed text-faint',
            )}
            onMouseMove={() => setActive(i)}
            onClick={() => !command.disabled && onRun(command)}
          >
            <span className="min-w-0 truncate">{command.label}</span>
            <span className="shrink-0 text-xs text-muted">{command.hint ?? command.group}</span>
          </li>
        ))}
        {commands.length === 0 && <li className="px-2 py-1.5 text-sm text-muted">No match.</li>}
      </ul>
    </div>
  )
}
