/**
 * Follows Vast's `after_token` / `next_token` paging (charges, invoices): one GET per page through
 * the pacer, rows parsed one by one, until `next_token` is null or an empty page, at most
 * `maxPages` (then `truncated`).
 */
import * as z from 'zod/mini'
import { apiRequest } from './client'
import type { RouteKey } from './pacer'
import { optString, parseRows } from './parse'

const pageSchema = z.looseObject({
  next_token: optString,
  results: z.nullish(z.array(z.unknown())),
})

export interface TokenPages<T> {
  rows: T[]
  dropped: number
  pages: number
  truncated: boolean
}

export async function fetchTokenPages<T>(spec: {
  route: RouteKey
  path: string
  query: Record<string, string | number>
  row: z.ZodMiniType<T>
  maxPages: number
  signal?: AbortSignal
  onPage?: (rows: number) => void
}): Promise<TokenPages<T>> {
  const rows: T[] = []
  let dropped = 0
  let token: string | null = null
  for (let page = 1; page <= spec.maxPages; page += 1) {
    const result: z.infer<typeof pageSchema> = await apiRequest({
      route: spec.route,
      method: 'GET',
      path: spec.path,
      query: token ? { ...spec.query, after_token: token } : spec.query,
      schema: pageSchema,
      signal: spec.signal,
    })
    const parsed = parseRows(spec.row, result.results ?? [])
    rows.push(...parsed.rows)
    dropped += parsed.dropped
    spec.onPage?.(rows.length)
    token = result.next_token ?? null
    if (!token || parsed.rows.length + parsed.dropped === 0)
      return { rows, dropped, pages: page, truncated: false }
  }
  return { rows, dropped, pages: spec.maxPages, truncated: true }
}
