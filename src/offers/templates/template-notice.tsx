import { Button } from '../../ui/button'
import { stopUsingTemplate, useTemplateChoice } from './template-choice-store'
import { Notice } from '../../ui/notice'

/** While a template is chosen, the Offers page says so; rentals then use it. */
export function TemplateNotice() {
  const template = useTemplateChoice()
  if (!template) return null
  return (
    <Notice tone="info" className="flex flex-wrap items-center justify-between gap-2">
      <p>
        Renting with template <strong>{template.name}</strong>
        {template.image ? ` (${template.image})` : ''}
      </p>
      <Button size="sm" onClick={stopUsingTemplate}>
        Stop using template
      </Button>
    </Notice>
  )
}
