import { QueryClient } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import { forgetApiKey, submitApiKey, switchAccount } from './api-key-store'
import { clearCacheOnKeyChange } from './key-change'
import { offerQueries } from './offers/queries'

const KEY = offerQueries.gpuNames().queryKey

describe('clearCacheOnKeyChange', () => {
  it('empties the cache when the active key changes, and only then', () => {
    const client = new QueryClient()
    const stop = clearCacheOnKeyChange(client)
    const first = submitApiKey('key-one', false)
    client.setQueryData(KEY, ['one'])
    submitApiKey('key-two', false, 'live', { activate: false })
    expect(client.getQueryData(KEY)).toEqual(['one'])
    const second = submitApiKey('key-two', false)
    expect(second).not.toBe(first)
    expect(client.getQueryData(KEY)).toBeUndefined()
    client.setQueryData(KEY, ['two'])
    switchAccount(first)
    expect(client.getQueryData(KEY)).toBeUndefined()
    client.setQueryData(KEY, ['one again'])
    forgetApiKey()
    expect(client.getQueryData(KEY)).toBeUndefined()
    stop()
  })
})
