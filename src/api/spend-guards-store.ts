/**
 * Where the spend guards are kept: this device's localStorage, read once at load. The rules
 * themselves (what a guard means, which rentals exceed one) are in domain/spend-guards.
 */
import { create } from 'zustand'
import * as z from 'zod/mini'
import { NO_GUARDS, type SpendGuards } from '../domain/spend-guards'

const STORAGE_KEY = 'vast-console.spend-guards.v1'

const guardsSchema = z.object({
  maxPerHour: z.nullable(z.number().check(z.gt(0))),
  maxInstances: z.nullable(z.int().check(z.gte(1))),
})

function load(): SpendGuards {
  try {
    const raw = window.localStorage.getItem(STORAGE_KEY)
    if (!raw) return NO_GUARDS
    const parsed = z.safeParse(guardsSchema, JSON.parse(raw))
    return parsed.success ? parsed.data : NO_GUARDS
  } catch {
    return NO_GUARDS
  }
}

const store = create<SpendGuards>()(() => (typeof window === 'undefined' ? NO_GUARDS : load()))

export const useSpendGuards = () => store((s) => s)
export const readSpendGuards = (): SpendGuards => store.getState()

export function saveSpendGuards(guards: SpendGuards): void {
  store.setState(guards)
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(guards))
  } catch {
    // kept in memory only
  }
}

/** Tests only: re-read storage as a fresh page load would. */
export const reloadSpendGuards = () => store.setState(load())
