import { describe, expect, it } from 'vitest'
import { createWorld } from '../../simulator/model'
import { readApiKey } from '../api-key-store'
import { apiBase, main, NO_KEY_HELP } from './cli'

describe('check:live entry', () => {
  it('without a key, says where to get one and exits 2', async () => {
    const out: string[] = []
    expect(await main({}, (t) => out.push(t))).toBe(2)
    expect(out.join('\n')).toBe(NO_KEY_HELP)
    expect(NO_KEY_HELP).toContain('https://cloud.vast.ai/manage-keys/')
  })

  it('honours VAST_API_URL, refuses a non-http one', async () => {
    expect(apiBase(undefined)).toBe('https://console.vast.ai')
    expect(apiBase(' http://127.0.0.1:8805/ ')).toBe('http://127.0.0.1:8805')
    const out: string[] = []
    expect(await main({ VAST_API_KEY: 'k', VAST_API_URL: 'file:///etc' }, (t) => out.push(t))).toBe(
      2,
    )
    expect(out[0]).toMatch(/must be an http\(s\) URL/)
  })

  it('prints one table against the given API, never the key, and forgets the key after', async () => {
    const world = createWorld({ rateLimits: false })
    const out: string[] = []
    const code = await main(
      { VAST_API_KEY: world.key, VAST_API_URL: 'https://vast.example' },
      (t) => out.push(t),
    )
    const text = out.join('\n')
    expect(code).toBe(0) // every read answered and fit the schemas
    expect(text).toContain('Read-only check against https://vast.example')
    expect(text.match(/\| Endpoint /g)).toHaveLength(1)
    expect(text).toContain('GET /api/v0/users/current/')
    expect(text).not.toContain(world.key)
    expect(readApiKey()).toBeNull()
    expect(world.log.length).toBeGreaterThan(0)
  })
})
