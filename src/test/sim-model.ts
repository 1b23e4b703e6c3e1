import { expect } from 'vitest'
import * as z from 'zod/mini'
import { instanceSchema } from '../api/instances/schemas'
import { uiStatus } from '../domain/instance-status'
import { rent, searchOffers, showInstance, type World } from '../simulator/model'
import { isRecord, type SimResponse } from '../simulator/responses'

/** Shared helpers of the model tests. */
export type Obj = Record<string, unknown>
export function bodyOf(res: SimResponse): Obj {
  if (res.kind !== 'json' || !isRecord(res.body))
    throw new Error(`expected a JSON object, got ${res.kind} ${res.status}`)
  return res.body
}
export const records = (value: unknown): Obj[] =>
  Array.isArray(value) ? value.filter(isRecord) : []
export const num = (value: unknown): number => (typeof value === 'number' ? value : Number(value))
/** All offers matching `query` (a large limit unless the query sets one). */
export function search(world: World, query: Obj = {}): Obj[] {
  const res = searchOffers(world, { limit: 100_000, ...query })
  expect(res.status).toBe(200)
  return records(bodyOf(res).offers)
}
export function rentFirst(
  world: World,
  body: Obj = {},
  query: Obj = {},
): { offer: Obj; id: number } {
  const offer = search(world, { limit: 1, ...query })[0]
  if (!offer) throw new Error('no offer to rent')
  const res = rent(world, num(offer.id), {
    image: 'vastai/base-image:@vastai-automatic-tag',
    disk: 10,
    runtype: 'ssh_direc ssh_proxy',
    ...body,
  })
  expect(res.status).toBe(200)
  return { offer, id: num(bodyOf(res).new_contract) }
}
export function instance(world: World, id: number): Obj {
  const row = bodyOf(showInstance(world, String(id))).instances
  if (!isRecord(row)) throw new Error(`instance ${id} not found`)
  return row
}
export const status = (row: Obj) => uiStatus(z.parse(instanceSchema, row))
