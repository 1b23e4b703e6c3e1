import { useQuery } from '@tanstack/react-query'
import { Check } from 'lucide-react'
import { useId, useMemo, useState } from 'react'
import { templateQueries } from '../../api/templates/queries'
import { Combobox } from '../../ui/combobox'
import { readRecentTemplates } from './recent-templates'
import { toTemplateChoice, type TemplateChoice } from './template-choice-store'
import { matchesText } from './template-view'

export interface TemplatePickerProps {
  /** The template this rental uses; null: the Docker image typed below runs as given. */
  value: TemplateChoice | null
  onChange: (choice: TemplateChoice | null) => void
}

interface Choice {
  key: string
  group?: string
  /** null: no template (a raw Docker image). */
  choice: TemplateChoice | null
  uses?: number | null
}

const RAW: Choice = { key: 'raw', choice: null }
const RAW_NAME = 'No template: a Docker image'
const count = new Intl.NumberFormat('en-US', { notation: 'compact' })

/**
 * The rent dialog's template field: a combobox listing the templates this device rented with
 * (Recent), then Vast's recommended ones, most used first; typing searches both by name or image.
 * "No template" keeps renting a Docker image as typed. The recommended list is asked for the
 * first time the list opens, not with every dialog; the list does not open by itself when the
 * dialog puts the focus here.
 */
export function TemplatePicker({ value, onChange }: TemplatePickerProps) {
  const id = useId()
  const hintId = `${id}-hint`
  const [recent] = useState(readRecentTemplates)
  const [wanted, setWanted] = useState(false)
  const recommended = useQuery({
    ...templateQueries.search('recommended', undefined),
    enabled: wanted,
  })
  /** What is typed; null while the field shows the chosen template's name. */
  const [text, setText] = useState<string | null>(null)
  const query = text ?? ''

  const options = useMemo(() => {
    const seen = new Set(recent.map((t) => t.hashId))
    const listed: Choice[] = [
      RAW,
      ...recent.map((choice) => ({ key: `recent-${choice.hashId}`, group: 'Recent', choice })),
      ...(recommended.data?.templates ?? [])
        .filter((t) => !seen.has(t.hash_id))
        .map((t) => ({
          key: `recommended-${t.hash_id}`,
          group: 'Recommended',
          choice: toTemplateChoice(t),
          uses: t.count_created,
        })),
    ]
    return listed.filter(({ choice }) =>
      choice ? matchesText([choice.name, choice.image], query) : matchesText([RAW_NAME], query),
    )
  }, [recent, recommended.data, query])

  const openList = () => {
    setWanted(true)
    if (recommended.isError) void recommended.refetch()
  }

  const pick = (option: Choice) => {
    setText(null)
    onChange(option.choice)
  }

  let footer: string | null = null
  if (wanted && recommended.isPending) footer = 'Loading recommended templates…'
  else if (recommended.error && !recommended.data)
    footer = `Recommended templates could not be loaded: ${recommended.error.message}`
  else if (options.length === 0) footer = `No template matches “${query.trim()}”.`

  return (
    <div className="flex flex-col gap-1 sm:col-span-2">
      <label htmlFor={id} className="text-sm font-medium text-text">
        Template
      </label>
      <Combobox
        id={id}
        listLabel="Templates"
        value={text ?? value?.name ?? ''}
        placeholder="Search recent and recommended templates"
        aria-describedby={hintId}
        options={options}
        listClassName="max-h-64 sm:max-h-80"
        renderOption={(option) => (
          <TemplateOption option={option} chosen={option.choice?.hashId === value?.hashId} />
        )}
        footer={
          footer && (
            <p role="status" className="px-3 py-2 text-xs text-muted">
              {footer}
            </p>
          )
        }
        onValueChange={setText}
        onPick={pick}
        // Enter on typed text takes the first template that matches it.
        onEnter={() => {
          const first = options.find((o) => o.choice) ?? options[0]
          if (text?.trim() && first) pick(first)
          else return 'open'
        }}
        // The dialog may focus this field first: the list waits for a tap, a key or typing.
        openOnFocus={false}
        onOpen={openList}
        onFocus={(event) => event.target.select()}
        onBlur={() => setText(null)}
      />
      <p id={hintId} className="text-xs text-muted">
        {value
          ? `Runs ${value.image ?? 'the template’s image'}; its launch mode, environment and start script apply.`
          : 'None: the Docker image below runs as given.'}
      </p>
    </div>
  )
}

function TemplateOption({ option, chosen }: { option: Choice; chosen: boolean }) {
  const { choice, uses } = option
  return (
    <span className="flex items-start gap-2">
      <Check
        aria-hidden="true"
        className={`mt-0.5 size-4 shrink-0 ${chosen ? 'visible' : 'invisible'}`}
      />
      <span className="flex min-w-0 flex-1 flex-col">
        <span className="flex items-baseline justify-between gap-2">
          <span className="min-w-0 truncate font-medium">
            {choice ? choice.name : RAW_NAME}
            {chosen && <span className="sr-only"> (chosen)</span>}
          </span>
          {uses != null && (
            <span className="shrink-0 text-xs opacity-80">{count.format(uses)} uses</span>
          )}
        </span>
        <span className="truncate text-xs opacity-80">
          {choice ? (choice.image ?? 'The template’s own image') : 'Type it in the Image field'}
        </span>
      </span>
    </span>
  )
}
