import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { createWorld } from '../../simulator/model'
import { server } from '../../simulator/node'
import { submitApiKey } from '../api-key-store'
import { exitCodeOf, runLiveCheck, type LiveCheckRow } from './checks'
import { createTransport } from './transport'

async function check(): Promise<LiveCheckRow[]> {
  const { fetch: transport, recorder } = createTransport(fetch, null)
  return runLiveCheck({ recorder, transport, now: () => Date.UTC(2026, 10, 30) })
}

const byEndpoint = (rows: LiveCheckRow[], start: string) => {
  const row = rows.find((r) => r.endpoint.startsWith(start))
  if (!row) throw new Error(`no row for ${start}`)
  return row
}

describe('runLiveCheck against the simulator', () => {
  it('reads every endpoint once, only with reads, and compares fields with the schemas', async () => {
    const world = createWorld({ rateLimits: false })
    submitApiKey(world.key, false)
    const rows = await check()

    expect(rows.map((r) => r.endpoint)).toEqual([
      'GET /api/v0/users/current/',
      'GET /api/v0/gpu_names/unique/',
      'POST /api/v0/bundles/ (type on-demand)',
      'POST /api/v0/bundles/ (type bid)',
      'POST /api/v0/bundles/ (type reserved)',
      'GET /api/v1/instances/ (first page)',
      'GET /api/v0/instances/{id}/',
      'GET /api/v0/ssh/',
      'GET /api/v0/template/ (recommended)',
      'GET /api/v0/charges/ (last day)',
    ])
    // Vast (here the simulator) saw reads only: GETs and the three searches.
    expect(world.log.every((r) => r.method === 'GET' || r.path === '/api/v0/bundles/')).toBe(true)
    expect(world.log.filter((r) => r.method === 'POST').map((r) => r.body)).toEqual([
      expect.objectContaining({ type: 'on-demand', limit: 5 }),
      expect.objectContaining({ type: 'bid', limit: 5 }),
      expect.objectContaining({ type: 'reserved', limit: 5 }),
    ])

    const account = byEndpoint(rows, 'GET /api/v0/users/current/')
    expect(account).toMatchObject({ status: 200, parsed: 1, dropped: 0, outcome: 'ok' })
    expect(account.unknown).toContain('balance_threshold')
    // The echoed key is known (dropped on purpose), and no value is ever reported.
    expect(account.unknown).not.toContain('api_key')
    expect(account.note).toBe('sent: credit, balance')
    expect(JSON.stringify(rows)).not.toContain(world.key)

    const reserved = byEndpoint(rows, 'POST /api/v0/bundles/ (type reserved)')
    expect(reserved).toMatchObject({ status: 200, parsed: 5, dropped: 0, outcome: 'ok' })
    expect(reserved.unknown).toContain('discounted_dph_total')

    // A fresh account has no instance: the by-id call is skipped, not invented.
    expect(byEndpoint(rows, 'GET /api/v1/instances/')).toMatchObject({ status: 200, parsed: 0 })
    expect(byEndpoint(rows, 'GET /api/v0/instances/{id}/')).toMatchObject({
      status: null,
      outcome: 'skipped',
    })
    expect(byEndpoint(rows, 'GET /api/v0/template/')).toMatchObject({ status: 200, outcome: 'ok' })
    // Charges through the app's own call and schema.
    expect(byEndpoint(rows, 'GET /api/v0/charges/')).toMatchObject({ status: 200, outcome: 'ok' })
    // Vast's 404 "No SSH keys found" is an empty list, not a failure.
    expect(byEndpoint(rows, 'GET /api/v0/ssh/')).toMatchObject({
      status: 404,
      parsed: 0,
      outcome: 'ok',
    })
    expect(exitCodeOf(rows)).toBe(0)
  })

  it('reports a row Vast sent that the schema cannot read as a parse failure, with the fields', async () => {
    const world = createWorld({ rateLimits: false })
    submitApiKey(world.key, false)
    server.use(
      http.post('*/api/v0/bundles/', () =>
        HttpResponse.json({
          offers: [
            {
              id: 1,
              gpu_name: 'RTX 4090',
              num_gpus: 1,
              dph_base: 0.3,
              dph_total: 0.31,
              storage_cost: 0.1,
              brand_new: 1,
            },
            { id: 2, gpu_name: 'RTX 4090', num_gpus: 1, dph_base: 0.3, storage_cost: 0.1 },
          ],
        }),
      ),
    )
    const rows = await check()
    const search = byEndpoint(rows, 'POST /api/v0/bundles/ (type on-demand)')
    expect(search).toMatchObject({ status: 200, parsed: 1, dropped: 1, outcome: 'parse_failure' })
    expect(search.missing).toContain('dph_total (1/2)')
    expect(search.unknown).toEqual(['brand_new'])
    expect(exitCodeOf(rows)).toBe(1)
  })

  it('shows Vast’s status and message when the key is refused', async () => {
    submitApiKey('not-a-registered-key', false)
    const rows = await check()
    const account = byEndpoint(rows, 'GET /api/v0/users/current/')
    expect(account.outcome).toBe('failed')
    expect(account.note).toContain('[auth_error]')
  })
})
