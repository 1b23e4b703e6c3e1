/**
 * The command palette (Ctrl/Cmd+K): go to a tab, find an instance by id or label and act on it
 * (Stop and Destroy through the same confirmations as the table), run a saved search. The list is
 * cmdk's (a combobox over a listbox, arrow keys, Enter, pointer); loaded as its own chunk on first use.
 */
import { useQuery } from '@tanstack/react-query'
import { Command as CommandMenu } from 'cmdk'
import { useMemo, useState } from 'react'
import { instanceQueries } from '../api/instances/queries'
import type { Instance } from '../api/instances/schemas'
import { stripAutoStopMarker } from '../domain/auto-stop'
import { statusLabel } from '../domain/instance-status'
import { readSavedSearches } from '../offers/filters/saved-searches'
import { gpuText } from '../instances/instance-view'
import { useInstanceActions } from '../instances/use-instance-actions'
import { Dialog } from '../ui/dialog'
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
  // Our own matching (every word, anywhere): cmdk's fuzzy ranking would reorder instance ids.
  const groups = [...new Set(commands.map((c) => c.group))]
  return (
    <CommandMenu label={label} shouldFilter={false} loop vimBindings={false}>
      <CommandMenu.Input
        className={inputClass}
        placeholder="Type a command, an instance id or label…"
        value={query}
        // The palette exists to be typed into at once: focused when the dialog opens (the list
        // itself is focusable and would come first) and when the instance's actions replace it.
        data-autofocus
        // eslint-disable-next-line jsx-a11y/no-autofocus
        autoFocus
        onValueChange={onQuery}
      />
      <CommandMenu.List label={label} className="mt-2 max-h-80 overflow-y-auto">
        <CommandMenu.Empty className="px-2 py-1.5 text-sm text-muted">No match.</CommandMenu.Empty>
        {groups.map((group) => (
          <CommandMenu.Group
            key={group}
            heading={group}
            className="[&_[cmdk-group-heading]]:px-2 [&_[cmdk-group-heading]]:pt-2 [&_[cmdk-group-heading]]:pb-1 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-medium [&_[cmdk-group-heading]]:text-muted"
          >
            {commands
              .filter((command) => command.group === group)
              .map((command) => (
                <CommandMenu.Item
                  key={command.id}
                  value={command.id}
                  disabled={command.disabled}
                  className="flex cursor-pointer flex-col gap-0.5 rounded px-2 py-2 text-sm text-text data-[disabled=true]:cursor-not-allowed data-[disabled=true]:text-faint data-[selected=true]:bg-accent-soft data-[selected=true]:text-accent-text sm:flex-row sm:items-baseline sm:justify-between sm:gap-3 sm:py-1.5"
                  onSelect={() => onRun(command)}
                >
                  <span className="min-w-0 truncate">{command.label}</span>
                  {command.hint && (
                    <span className="shrink-0 text-xs text-muted">{command.hint}</span>
                  )}
                </CommandMenu.Item>
              ))}
          </CommandMenu.Group>
        ))}
      </CommandMenu.List>
    </CommandMenu>
  )
}
