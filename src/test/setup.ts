import '@testing-library/jest-dom/vitest'
import { cleanup } from '@testing-library/react'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { server } from '../simulator/node'
import { resetSimulator } from '../simulator/model'
import { pacer } from '../api/client'
import { forgetApiKey } from '../api/api-key-store'
import { resetThrottle } from '../api/throttle-store'
import { resetObserved } from '../api/status-history-store'
import { resetPlans } from '../api/rental-plans-store'
import { resetToasts } from '../ui/toast-store'
import { closeConfirm } from '../ui/confirm-store'

// jsdom has no modal <dialog>: a minimal stand-in that keeps the open attribute right.
if (
  typeof HTMLDialogElement !== 'undefined' &&
  typeof HTMLDialogElement.prototype.showModal !== 'function'
) {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '')
  }
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.removeAttribute('open')
  }
}

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  cleanup()
  server.resetHandlers()
  resetSimulator()
  pacer.reset()
  resetThrottle()
  resetObserved()
  resetPlans()
  forgetApiKey()
  resetToasts()
  closeConfirm()
  if (typeof window !== 'undefined') {
    localStorage.clear()
    sessionStorage.clear()
  }
})
afterAll(() => server.close())
