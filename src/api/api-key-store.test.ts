import { describe, expect, it } from 'vitest'
import {
  forgetApiKey,
  readAccountKey,
  readActiveAccountId,
  readApiKey,
  readKeyMode,
  reloadApiKeyFromStorage,
  removeAccount,
  submitApiKey,
  switchAccount,
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

  it('reads a key saved by an earlier version as one account', () => {
    localStorage.setItem('vast-console.api-key', JSON.stringify({ v: 1, key: 'old', mode: 'live' }))
    reloadApiKeyFromStorage()
    expect(readApiKey()).toBe('old')
    submitApiKey('second', true, 'live', { userId: 7, name: 'team@example.com' })
    reloadApiKeyFromStorage()
    expect(readApiKey()).toBe('second')
    const stored: unknown = JSON.parse(localStorage.getItem('vast-console.api-key') ?? 'null')
    expect(stored).toMatchObject({ v: 2, accounts: [{ key: 'old' }, { key: 'second' }] })
  })
})

describe('several accounts', () => {
  it('keeps each account where the user chose, and the active one across a reload', () => {
    const personal = submitApiKey('personal-key', true, 'live', { userId: 1, name: 'me@x.io' })
    const team = submitApiKey('team-key', false, 'live', { userId: 2, name: 'team@x.io' })
    expect(readApiKey()).toBe('team-key')
    expect(localStorage.getItem('vast-console.api-key')).not.toContain('team-key')
    expect(sessionStorage.getItem('vast-console.api-key')).not.toContain('personal-key')
    switchAccount(personal)
    reloadApiKeyFromStorage()
    expect(readActiveAccountId()).toBe(personal)
    expect(readApiKey()).toBe('personal-key')
    expect(readAccountKey(team)).toBe('team-key')
  })

  it('a new key for an account already held replaces its key instead of adding a twin', () => {
    const first = submitApiKey('key-a', true, 'live', { userId: 5 })
    submitApiKey('key-b', true, 'live', { userId: 9 })
    const again = submitApiKey('key-a2', true, 'live', { userId: 5 })
    expect(again).toBe(first)
    expect(readAccountKey(first)).toBe('key-a2')
    expect(readApiKey()).toBe('key-a2')
  })

  it('removing the active account makes the next one active; removing the last signs out', () => {
    const a = submitApiKey('key-a', true, 'live', { userId: 1 })
    const b = submitApiKey('key-b', true, 'live', { userId: 2 })
    removeAccount(b)
    expect(readActiveAccountId()).toBe(a)
    removeAccount(a)
    expect(readApiKey()).toBeNull()
    expect(localStorage.length).toBe(0)
  })

  it('the demo never touches the keys remembered on this device', () => {
    submitApiKey('real-key', true, 'live', { userId: 1 })
    submitApiKey('demo-key', false, 'demo')
    expect(readApiKey()).toBe('demo-key')
    expect(localStorage.getItem('vast-console.api-key')).toContain('real-key')
    forgetApiKey()
    expect(readKeyMode()).toBe('live')
    expect(readApiKey()).toBe('real-key')
  })
})
