/**
 * Template search (`GET /api/v0/template/`, reference §7.3): your own and public templates, to
 * base a rental on by `template_hash_id`. Minimum 3 s between searches (pacer route 'templates').
 */
import { apiRequest } from '../client'
import { readListRows } from '../parse'
import { templateSchema, templatesEnvelopeSchema, type Template } from './schemas'

export type TemplateScope = 'recommended' | 'mine' | 'public'

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
  const { rows, dropped } = readListRows(templateSchema, templates, 'Template search')
  return { templates: rows, dropped }
}
