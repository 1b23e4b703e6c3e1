/**
 * The template chosen for the next rentals (Account tab → Offers tab). In memory only: a choice
 * made in this tab, kept until the user stops using it. It holds what the notice and the rent
 * dialog need, taken when the user chose, since the search that listed it may be long gone.
 */
import { create } from 'zustand'
import { templateImage, templateLabel } from './template-view'
import { type Template } from '../../api/templates/schemas'

export interface TemplateChoice {
  hashId: string
  name: string
  /** The Docker reference the template runs, when it names one. */
  image: string | null
  recommendedDiskGb: number | null
  /** The template's start script: an auto-stop armed at rent time must keep it. */
  onstart: string | null
  /** Its launch mode (`ssh`, `jupyter`, `args`); null: not set, which Vast reads as `args`. */
  runtype: string | null
}

const store = create<{ choice: TemplateChoice | null }>()(() => ({ choice: null }))

export const useTemplateChoice = () => store((s) => s.choice)

/** What a rental needs of a template from Vast's search. */
export const toTemplateChoice = (template: Template): TemplateChoice => ({
  hashId: template.hash_id,
  name: templateLabel(template),
  image: templateImage(template),
  recommendedDiskGb: template.recommended_disk_space ?? null,
  onstart: template.onstart || null,
  runtype: template.runtype || null,
})

export function chooseTemplate(template: Template): void {
  store.setState({ choice: toTemplateChoice(template) })
}

export const stopUsingTemplate = (): void => store.setState({ choice: null })
