/** How a template reads on screen. */
import type { Template } from '../../api/templates/schemas'

/** The Docker reference a template runs: `image:tag`, unless the image already names a tag. */
export function templateImage(template: Pick<Template, 'image' | 'tag'>): string | null {
  const image = template.image
  if (!image) return null
  const hasTag = /:[^/]+$/.test(image) || image.includes('@')
  return template.tag && !hasTag ? `${image}:${template.tag}` : image
}

export const templateLabel = (template: Pick<Template, 'name' | 'image' | 'tag' | 'id'>) =>
  template.name || templateImage(template) || `Template ${template.id}`

/** Any of the fields contains the text (case-insensitive); empty text matches everything. */
export function matchesText(fields: readonly (string | null | undefined)[], text: string): boolean {
  const needle = text.trim().toLowerCase()
  return needle === '' || fields.some((field) => field?.toLowerCase().includes(needle))
}
