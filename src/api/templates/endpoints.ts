/**
 * Template search (`GET /api/v0/template/`, reference §7.3): your own and public templates, to
 * base a rental on by `template_hash_id`. Minimum 3 s between searches (pacer route 'templates').
 */
import { apiRequest } from '../client'
import { readListRows } from '../parse'
import { templateSchema, templatesEnvelopeSchema, type Template } from './schemas'

export type TemplateScope = 'recommended' | 'mine' | 'public'

/** The column each scope sorts by: the most used first, except in "mine", where the newest are. */
const ORDER_COLUMN: Record<TemplateScope, 'created_at' | 'count_created'> = {
  mine: 'created_at',
  recommended: 'count_created',
  public: 'count_created',
}

/**
 * The search's query string: `select_filters` as JSON and `order_by` as a plain column name, as
 * Vast documents them (docs yaml/search_templates). Vast lists no `private` filter and public
 * templates may carry `private: null` (cli query.py), so "public" sends no filter and is
 * narrowed locally. "Mine" needs the account's id.
 */
export function templateSearchQuery(scope: TemplateScope, userId?: number): Record<string, string> {
  let filters: Record<string, { eq: number | boolean }> = {}
  if (scope === 'mine') {
    if (userId === undefined) throw new Error('"My templates" needs the account id')
    filters = { creator_id: { eq: userId } }
  } else if (scope === 'recommended') filters = { recommended: { eq: true } }
  return { select_filters: JSON.stringify(filters), order_by: ORDER_COLUMN[scope] }
}

/** Vast does not document the sort direction: the rows are put in descending order here. */
function inScope(scope: TemplateScope, rows: Template[]): Template[] {
  const column = ORDER_COLUMN[scope]
  const kept = scope === 'public' ? rows.filter((t) => t.private !== true) : rows
  return kept.toSorted((a, b) => (b[column] ?? 0) - (a[column] ?? 0))
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
  return { templates: inScope(scope, rows), dropped }
}
