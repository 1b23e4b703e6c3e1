import { describe, expect, it } from 'vitest'
import {
  forgetApiKey,
  readApiKey,
  readKeyMode,
  reloadApiKeyFromStorage,
  submitApiKey,
} from './api-key-store'

describe('api key store', () => {
  it('remembers a key on this device across a reload', () => {
    submitApiKey('  abc123  ', true)
    expect(readApiKey()).toBe('abc123')
    reloadApiKeyFromStorage()
    expect(readApiKey()).toBe('abc123')
    expect(localStorage.length).toBe(1)
    expect(sessionStorage.length).toBe(0)
  })

  it('keeps a session-only key out of localStorage', () => {
    submitApiKey('session-key', false)
    expect(localStorage.length).toBe(0)
    reloadApiKeyFromStorage()
    expect(readApiKey()).toBe('session-key')
  })

  it('forgets the key everywhere', () => {
    submitApiKey('k1', true)
    forgetApiKey()
    reloadApiKeyFromStorage()
    expect(readApiKey()).toBeNull()
    expect(readKeyMode()).toBe('live')
  })

  it('ignores unreadable stored data', () => {
    localStorage.setItem('vast-console.api-key', '{not json')
    reloadApiKeyFromStorage()
    expect(readApiKey()).toBeNull()
    expect(localStorage.length).toBe(0)
  })
})
