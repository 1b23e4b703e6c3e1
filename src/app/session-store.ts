import { create } from 'zustand'

/** Set when Vast rejects the saved key mid-session: the dashboard stops and asks for a key. */
interface SessionState {
  keyRejected: boolean
}

const store = create<SessionState>()(() => ({ keyRejected: false }))

export const useKeyRejected = () => store((s) => s.keyRejected)
export const reportKeyRejected = () => store.setState({ keyRejected: true })
export const clearKeyRejected = () => store.setState({ keyRejected: false })
export const readKeyRejected = () => store.getState().keyRejected
