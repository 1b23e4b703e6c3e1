/**
 * Template search (`GET /api/v0/template/`, reference §7.3): your own and public templates, to
 * base a rental on by `template_hash_id`. Minimum 3 s between searches (pacer route 'templates').
 */
import { queryOptions } from '@tanstack/react-query'
import * as z from 'zod/mini'
import { apiRequest } from './client'
import { optBool, optNumber, optString, parseRows, trimmed } from './schemas'

export const templateSchema = z.looseObject({
  id: z.number().check(z.int()),
  /** What a rental names (`template_hash_id`). Changes on every edit of the template. */
  hash_id: trimmed.check(z.minLength(1)),
  name: optString,
  /** The repository; the tag is separate (`tag`). */
  image: optString,
  tag: optString,
  desc: optString,
  creator_id: optNumber,
  private: optBool,
  recommended: optBool,
  recommended_disk_space: optNumber,
  /** Unix seconds as a float (reference §8.5). */
  created_at: optNumber,
  count_created: optNumber,
  use_ssh: optBool,
  ssh_direct: optBool,
  jup_direct: optBool,
  runtype: optString,
  /** Docker flags as one string ("-e A=1 -p 8000:8000"), as templates store it. */
  env: optString,
  onstart: optString,
})
export type Template = z.infer<typeof templateSchema>

const templatesEnvelopeSchema = z.object({
  templates: z.array(z.unknown()),
  templates_found: optNumber,
})

export type TemplateScope = 'recommended' | 'mine' | 'public'

/** The Docker reference a template runs: `image:tag`, unless the image already names a tag. */
export function templateImage(template: Pick<Template, 'image' | 'tag'>): string | null {
  const image = template.image
  if (!image) return null
  const hasTag = /:[^/]+$/.test(image) || image.includes('@')
  return template.tag && !hasTag ? `${image}:${template.tag}` : image
}

export const templateLabel = (template: Pick<Template, 'name' | 'image' | 'tag' | 'id'>) =>
  template.name || templateImage(template) || `Template ${template.id}`

/**
 * The search's query string: `select_filters` and `order_by` as JSON (reference §2.7). "Mine"
 * needs the account's id; the most used come first, except in "mine", where the newest do.
 */
export function templateSearchQuery(scope: TemplateScope, userId?: number): Record<string, string> {
  let filters: Record<string, { eq: number | boolean }>
  if (scope === 'mine') {
    if (userId === undefined) throw new Error('"My templates" needs the account id')
    filters = { creator_id: { eq: userId } }
  } else if (scope === 'recommended') filters = { recommended: { eq: true } }
  else filters = { private: { eq: false } }
  const order = scope === 'mine' ? 'created_at' : 'count_created'
  return {
    select_filters: JSON.stringify(filters),
    order_by: JSON.stringify([{ col: order, dir: 'desc' }]),
  }
}

export interface TemplateSearchResult {
  templates: Template[]
  /** Rows that could not be read (left out). */
  dropped: number
}

export async function searchTemplates({
  scope,
  userId,
  signal,
}: {
  scope: TemplateScope
  userId?: number
  signal?: AbortSignal
}): Promise<TemplateSearchResult> {
  const { templates } = await apiRequest({
    route: 'templates',
    method: 'GET',
    path: '/api/v0/template/',
    query: templateSearchQuery(scope, userId),
    schema: templatesEnvelopeSchema,
    signal,
  })
  const { rows, dropped } = parseRows(templateSchema, templates)
  if (dropped > 0)
    console.warn(`Template search: ${dropped} row(s) could not be read and were left out.`)
  return { templates: rows, dropped }
}

export const templateQueries = {
  all: () => ['templates'] as const,
  /** "Mine" waits for the account id (from accountQueries.current()). */
  search: (scope: TemplateScope, userId: number | undefined) =>
    queryOptions({
      queryKey: [...templateQueries.all(), 'search', scope, scope === 'mine' ? userId : null],
      queryFn: ({ signal }) => searchTemplates({ scope, userId, signal }),
      enabled: scope !== 'mine' || userId !== undefined,
      // Searches are 3 s apart at best and templates change rarely.
      staleTime: 5 * 60_000,
    }),
}
