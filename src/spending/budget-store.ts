/**
 * Budgets live on this device (localStorage), not at Vast: the list, which budget's auto-stop has
 * acted in which month, and a log of what the budgets did.
 */
import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import type { Budget } from '../domain/spending/budgets'

export interface BudgetLogEntry {
  at: number
  text: string
}

interface BudgetStore {
  budgets: Budget[]
  /** Budget id → month (`YYYY-MM`) its auto-stop acted in. */
  acted: Record<string, string>
  /** Budget id → month its 100% event was raised in. */
  notified: Record<string, string>
  log: BudgetLogEntry[]
}

const MAX_LOG = 50

const store = create<BudgetStore>()(
  persist((): BudgetStore => ({ budgets: [], acted: {}, notified: {}, log: [] }), {
    name: 'vast-console.budgets',
    version: 1,
    storage: createJSONStorage(() => localStorage),
    partialize: (s) => ({ budgets: s.budgets, acted: s.acted, notified: s.notified, log: s.log }),
  }),
)

export const useBudgets = () => store((s) => s.budgets)
export const useBudgetLog = () => store((s) => s.log)
export const readActed = (id: string) => store.getState().acted[id]
export const readNotified = (id: string) => store.getState().notified[id]

export function addBudget(budget: Omit<Budget, 'id' | 'autoStop'>): void {
  const id = `b${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`
  store.setState((s) => ({ budgets: [...s.budgets, { ...budget, id, autoStop: false }] }))
}

export function removeBudget(id: string): void {
  store.setState((s) => ({ budgets: s.budgets.filter((b) => b.id !== id) }))
}

export function setAutoStop(id: string, autoStop: boolean): void {
  store.setState((s) => ({
    budgets: s.budgets.map((b) => (b.id === id ? { ...b, autoStop } : b)),
  }))
}

export function markActed(id: string, month: string): void {
  store.setState((s) => ({ acted: { ...s.acted, [id]: month } }))
}

export function markNotified(id: string, month: string): void {
  store.setState((s) => ({ notified: { ...s.notified, [id]: month } }))
}

export function logBudget(text: string): void {
  store.setState((s) => ({ log: [{ at: Date.now(), text }, ...s.log].slice(0, MAX_LOG) }))
}

export function resetBudgets(): void {
  store.setState({ budgets: [], acted: {}, notified: {}, log: [] })
}
