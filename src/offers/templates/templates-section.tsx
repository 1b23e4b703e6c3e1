import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { accountQueries } from '../../api/account/queries'
import { matchesText, templateImage, templateLabel } from './template-view'
import { templateQueries } from '../../api/templates/queries'
import { type Template } from '../../api/templates/schemas'
import { type TemplateScope } from '../../api/templates/endpoints'
import { Button } from '../../ui/button'
import { Field } from '../../ui/field'
import { SelectField } from '../../ui/select-field'
import { chooseTemplate } from './template-choice-store'
import { Notice } from '../../ui/notice'

export interface TemplatesSectionProps {
  /** Called after a template was chosen for the next rental. */
  onUseTemplate: () => void
}

const SCOPES: readonly { value: TemplateScope; label: string }[] = [
  { value: 'recommended', label: 'Recommended' },
  { value: 'mine', label: 'My templates' },
  { value: 'public', label: 'All public' },
]

const isScope = (value: string): value is TemplateScope => SCOPES.some((s) => s.value === value)

/** Name or image contains the text (case-insensitive); filtering the loaded list costs no request. */
export const matchesTemplate = (template: Template, text: string): boolean =>
  matchesText([template.name, templateImage(template)], text)

const count = new Intl.NumberFormat('en-US')
const plural = (n: number, word: string) => `${count.format(n)} ${word}${n === 1 ? '' : 's'}`

/** Templates to base a rental on: the account's own, the recommended ones or all public ones. */
export function TemplatesSection({ onUseTemplate }: TemplatesSectionProps) {
  const [scope, setScope] = useState<TemplateScope>('recommended')
  const [text, setText] = useState('')
  // "My templates" filters on the account's id.
  const account = useQuery({ ...accountQueries.current(), enabled: scope === 'mine' })
  const search = useQuery(templateQueries.search(scope, account.data?.id))
  const error = search.error ?? (scope === 'mine' ? account.error : null)
  const shown = search.data?.templates.filter((t) => matchesTemplate(t, text))

  let status: string
  if (shown && search.data) {
    const total = search.data.templates.length
    status =
      text.trim() === ''
        ? plural(total, 'template')
        : `${count.format(shown.length)} of ${plural(total, 'template')} match “${text.trim()}”`
  } else status = error ? '' : 'Loading templates…'

  return (
    <section aria-labelledby="templates-title" className="flex flex-col gap-3">
      <h2 id="templates-title" className="text-lg font-semibold">
        Templates
      </h2>
      <p className="text-sm text-text-soft">
        A template sets the image, launch mode, environment and start script of a rental.
      </p>
      <div className="flex flex-wrap items-end gap-3">
        <SelectField
          label="Show"
          options={SCOPES}
          value={scope}
          onChange={(event) => {
            if (isScope(event.target.value)) setScope(event.target.value)
          }}
        />
        <Field
          label="Search templates"
          type="search"
          className="min-w-60 flex-1"
          value={text}
          autoComplete="off"
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      <p role="status" className="text-sm text-text-soft">
        {status}
      </p>
      {error && (
        <Notice role="alert" tone="danger" className="flex flex-wrap items-center gap-2">
          {search.data
            ? 'The templates could not be refreshed: '
            : 'Templates could not be loaded: '}
          {error.message}
          <Button
            size="sm"
            onClick={() => void (search.error ? search.refetch() : account.refetch())}
          >
            Try again
          </Button>
        </Notice>
      )}
      {shown && shown.length === 0 && (
        <p className="text-sm text-text-soft">
          {scope === 'mine' && text.trim() === ''
            ? 'This account has no templates of its own yet.'
            : 'No templates match. Try another search or show all public templates.'}
        </p>
      )}
      {shown && shown.length > 0 && (
        <ul aria-label="Template results" className="flex flex-col gap-2">
          {shown.map((template) => (
            <TemplateItem
              key={template.hash_id}
              template={template}
              onRent={() => {
                chooseTemplate(template)
                onUseTemplate()
              }}
            />
          ))}
        </ul>
      )}
    </section>
  )
}

function TemplateItem({ template, onRent }: { template: Template; onRent: () => void }) {
  const name = templateLabel(template)
  const facts = [
    template.recommended_disk_space == null
      ? null
      : `Recommended disk ${Math.ceil(template.recommended_disk_space)} GB`,
    template.count_created == null ? null : `Used ${plural(template.count_created, 'time')}`,
  ].filter((fact): fact is string => fact !== null)
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-border bg-surface px-3 py-2">
      <div className="flex min-w-0 flex-col gap-0.5">
        <h3 className="flex items-center gap-2 font-medium text-text">
          {name}
          {template.private && (
            <span className="rounded bg-surface-strong px-1.5 py-0.5 text-xs font-medium text-text">
              Private
            </span>
          )}
          {template.recommended && (
            <span className="rounded bg-success-muted px-1.5 py-0.5 text-xs font-medium text-success-text">
              Recommended
            </span>
          )}
        </h3>
        <code className="truncate text-xs text-text-soft">{templateImage(template) ?? '—'}</code>
        {facts.length > 0 && <p className="text-xs text-muted">{facts.join(' · ')}</p>}
      </div>
      <Button size="sm" variant="primary" onClick={onRent}>
        Rent with {name}
      </Button>
    </li>
  )
}
