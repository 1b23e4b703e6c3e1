import { describe, expect, it, vi } from 'vitest'
import { createWorld } from '../../simulator/model'
import { submitApiKey } from '../api-key-store'
import { apiRequest, bindTransport } from '../client'
import { successSchema } from '../parse'
import { createTransport, isReadOnly, WriteRefusedError } from './transport'

describe('isReadOnly', () => {
  it('allows GET anywhere and POST only to the offer search', () => {
    expect(isReadOnly('GET', '/api/v0/users/current/')).toBe(true)
    expect(isReadOnly('post', '/api/v0/bundles/')).toBe(true)
    expect(isReadOnly('POST', '/api/v0/ssh/')).toBe(false)
    expect(isReadOnly('POST', '/api/v0/bundles/extra/')).toBe(false)
    expect(isReadOnly('PUT', '/api/v0/asks/1/')).toBe(false)
    expect(isReadOnly('DELETE', '/api/v0/instances/1/')).toBe(false)
  })
})

describe('createTransport', () => {
  it('prefixes same-origin paths with the base and records status and body, not headers', async () => {
    const inner = vi.fn<typeof fetch>(() =>
      Promise.resolve(
        Response.json({ ok: 1 }, { status: 200, headers: { 'content-type': 'application/json' } }),
      ),
    )
    const { fetch, recorder } = createTransport(inner, 'https://vast.example/ignored/path')
    const res = await fetch('/api/v0/users/current/?x=1', {
      headers: { authorization: 'Bearer secret-key' },
    })
    expect(await res.json()).toEqual({ ok: 1 })
    expect(inner.mock.calls[0]?.[0]).toBe('https://vast.example/api/v0/users/current/?x=1')
    expect(recorder.exchanges).toEqual([
      {
        method: 'GET',
        path: '/api/v0/users/current/',
        status: 200,
        contentType: 'application/json',
        body: '{"ok":1}',
      },
    ])
    expect(JSON.stringify(recorder.exchanges)).not.toContain('secret-key')
  })

  it('refuses a write before it is sent', async () => {
    const inner = vi.fn<typeof fetch>()
    const { fetch } = createTransport(inner, 'https://vast.example')
    await expect(fetch('/api/v0/instances/7/', { method: 'DELETE' })).rejects.toThrow(
      WriteRefusedError,
    )
    await expect(
      fetch(new Request('https://vast.example/api/v0/ssh/', { method: 'POST' })),
    ).rejects.toThrow('refused to send POST /api/v0/ssh/')
    expect(inner).not.toHaveBeenCalled()
  })
})

describe('the transport bound to the check’s signal', () => {
  it('stops a write made with that signal before it reaches Vast', async () => {
    const world = createWorld({ rateLimits: false })
    submitApiKey(world.key, false)
    const signal = new AbortController().signal
    bindTransport(signal, createTransport(fetch, null).fetch)
    for (const method of ['PUT', 'POST', 'DELETE'] as const)
      await expect(
        apiRequest({
          route: 'instance-put',
          method,
          path: '/api/v0/instances/1/',
          body: {},
          schema: successSchema,
          signal,
        }),
      ).rejects.toThrow()
    expect(world.log).toEqual([])
  })
})
