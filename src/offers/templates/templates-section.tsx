export interface TemplatesSectionProps {
  /** Called after a template was chosen for the next rental. */
  onUseTemplate: () => void
}

/** Templates: placeholder until the section lands. */
export function TemplatesSection(_props: TemplatesSectionProps) {
  return (
    <section aria-labelledby="templates-title">
      <h2 id="templates-title" className="text-lg font-semibold">
        Templates
      </h2>
    </section>
  )
}
