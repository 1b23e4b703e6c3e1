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
