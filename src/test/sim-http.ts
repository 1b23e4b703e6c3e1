import { expect } from 'vitest'
import { createWorld, TEST_KEY, type World } from '../simulator/model'
import { isRecord } from '../simulator/responses'

/** Shared helpers of the handlers tests. */
export const BASE = 'http://localhost'
export type Obj = Record<string, unknown>
export function call(
  path: string,
  init: Omit<RequestInit, 'body'> & { key?: string | null; body?: unknown } = {},
) {
  const { key = TEST_KEY, body, ...rest } = init
  const headers = new Headers(rest.headers)
  if (key !== null) headers.set('authorization', `Bearer ${key}`)
  if (body !== undefined && !headers.has('content-type'))
    headers.set('content-type', 'application/json')
  return fetch(`${BASE}${path}`, {
    ...rest,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  })
}
export async function jsonOf(res: Response): Promise<Obj> {
  expect(res.headers.get('content-type')).toMatch(/^application\/json/)
  const body: unknown = await res.json()
  if (!isRecord(body)) throw new Error('expected a JSON object')
  return body
}
export const records = (value: unknown): Obj[] =>
  Array.isArray(value) ? value.filter(isRecord) : []
export function quietWorld(options: Parameters<typeof createWorld>[0] = {}): World {
  return createWorld({ rateLimits: false, ...options })
}
