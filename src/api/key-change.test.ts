import { QueryClient } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import { forgetApiKey, submitApiKey, switchAccount } from './api-key-store'
import { clearCacheOnKeyChange } from './key-change'

describe('clearCacheOnKeyChange', () => {
  it('empties the cache when the active key changes, and only then', () => {
    const client = new QueryClient()
    const stop = clearCacheOnKeyChange(client)
    const first = submitApiKey('key-one', false)
    client.setQueryData(['account'], 'one')
    submitApiKey('key-two', false, 'live', { activate: false })
    expect(client.getQueryData(['account'])).toBe('one')
    const second = submitApiKey('key-two', false)
    expect(second).not.toBe(first)
    expect(client.getQueryData(['account'])).toBeUndefined()
    client.setQueryData(['account'], 'two')
    switchAccount(first)
    expect(client.getQueryData(['account'])).toBeUndefined()
    client.setQueryData(['account'], 'one again')
    forgetApiKey()
    expect(client.getQueryData(['account'])).toBeUndefined()
    stop()
  })
})
