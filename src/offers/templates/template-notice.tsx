import { Button } from '../../ui/button'
import { stopUsingTemplate, useTemplateChoice } from './template-choice-store'

/** While a template is chosen, the Offers page says so; rentals then use it. */
export function TemplateNotice() {
  const template = useTemplateChoice()
  if (!template) return null
  return (
    <div className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-accent-border bg-accent-soft px-3 py-2 text-sm text-text">
      <p>
        Renting with template <strong>{template.name}</strong>
        {template.image ? ` (${template.image})` : ''}
      </p>
      <Button size="sm" onClick={stopUsingTemplate}>
        Stop using template
      </Button>
    </div>
  )
}
