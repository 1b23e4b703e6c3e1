import { create } from 'zustand'

export interface ConfirmRequest {
  title: string
  body: string
  confirmLabel: string
  tone: 'danger' | 'primary'
  onConfirm: () => Promise<unknown>
}

interface ConfirmState {
  request: ConfirmRequest | null
}

const store = create<ConfirmState>()(() => ({ request: null }))

export const useConfirmRequest = () => store((s) => s.request)
/** Asks the user to confirm an action in a dialog; the action runs only on confirm. */
export const requestConfirm = (request: ConfirmRequest) => store.setState({ request })
export const closeConfirm = () => store.setState({ request: null })
