import { create } from 'zustand'

export interface Toast {
  id: number
  message: string
  tone: 'info' | 'success' | 'error'
}

interface ToastState {
  toasts: Toast[]
}

const store = create<ToastState>()(() => ({ toasts: [] }))
let nextId = 1
const TOAST_MS = 6000

export const useToasts = () => store((s) => s.toasts)

export function showToast(message: string, tone: Toast['tone'] = 'info'): void {
  const id = nextId++
  store.setState((s) => ({ toasts: [...s.toasts.slice(-3), { id, message, tone }] }))
  setTimeout(() => dismissToast(id), TOAST_MS)
}

export function dismissToast(id: number): void {
  store.setState((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }))
}

export function resetToasts(): void {
  store.setState({ toasts: [] })
}
