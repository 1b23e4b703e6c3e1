/**
 * The templates this device rented with, newest first (localStorage), so the rent dialog can offer
 * them again. Recorded after Vast confirmed a rental; read when a dialog opens.
 */
import * as z from 'zod/mini'
import type { TemplateChoice } from './template-choice-store'

const STORAGE_KEY = 'vast-console.recent-templates.v1'
export const MAX_RECENT_TEMPLATES = 5

const choiceSchema = z.object({
  hashId: z.string().check(z.minLength(1), z.maxLength(200)),
  name: z.string().check(z.maxLength(500)),
  image: z.nullable(z.string()),
  recommendedDiskGb: z.nullable(z.number()),
  onstart: z.nullable(z.string()),
  /** Absent in entries kept before launch modes were recorded: read as unknown (null). */
  runtype: z.optional(z.nullable(z.string())),
})

export function readRecentTemplates(): TemplateChoice[] {
  try {
    const value: unknown = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? '[]')
    if (!Array.isArray(value)) return []
    const items: unknown[] = value
    return items
      .flatMap((item) => {
        const parsed = z.safeParse(choiceSchema, item)
        return parsed.success ? [{ ...parsed.data, runtype: parsed.data.runtype ?? null }] : []
      })
      .slice(0, MAX_RECENT_TEMPLATES)
  } catch {
    return []
  }
}

/**
 * Puts a template first. An entry with the same hash, or the same name (an edited template gets a
 * new hash), is replaced.
 */
export function rememberTemplate(choice: TemplateChoice): void {
  const rest = readRecentTemplates().filter(
    (t) => t.hashId !== choice.hashId && t.name !== choice.name,
  )
  try {
    window.localStorage.setItem(
      STORAGE_KEY,
      JSON.stringify([choice, ...rest].slice(0, MAX_RECENT_TEMPLATES)),
    )
  } catch {
    // Storage full or blocked: the list stays as it was.
  }
}
