// The simulator's SSH key routes over HTTP (msw/node, started by src/test/setup.ts), read back
// through the app's own endpoint functions.
import { http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, it } from 'vitest'
import { submitApiKey } from '../api/api-key-store'
import { ApiError } from '../api/errors'
import SAMPLE_KEYS from '../api/fixtures/ssh-keys.json'
import {
  addSshKey,
  attachSshKey,
  deleteSshKey,
  listInstanceSshKeys,
  listSshKeys,
} from '../api/ssh-keys/endpoints'
import { accountIdOf, createWorld, rent, worldNow, type World } from './model'
import { server } from './node'
import { isRecord } from './responses'
import { createAccountKey, simulateSshKeys } from './ssh-keys'

const { laptop, desk } = SAMPLE_KEYS

let world: World

beforeEach(() => {
  world = createWorld({ instances: 1 })
  submitApiKey(world.key, false)
})

/** The raw JSON the simulator answers (bypasses the app's parsing and pacing). */
async function raw(
  path: string,
  init: RequestInit = {},
): Promise<{ status: number; body: unknown }> {
  const headers = new Headers(init.headers)
  headers.set('authorization', `Bearer ${world.key}`)
  if (init.body !== undefined) headers.set('content-type', 'application/json')
  const res = await fetch(`http://localhost${path}`, { ...init, headers })
  const text = await res.text()
  const json = /json/.test(res.headers.get('content-type') ?? '')
  return { status: res.status, body: json ? JSON.parse(text) : text }
}

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected the call to fail')
    },
    (error: unknown) => {
      if (!(error instanceof ApiError)) throw error
      return { kind: error.kind, status: error.status, code: error.code }
    },
  )

/** Rents a fresh instance through the model; returns its id. */
function rentOne(): number {
  const offer = [...world.offers.values()].find(
    (o) => !world.taken.has(o.id) && o.fields.rentable !== false,
  )
  if (!offer) throw new Error('no rentable offer')
  const before = new Set(world.instances.keys())
  rent(world, offer.id, { image: 'pytorch/pytorch:latest', disk: 16 })
  const id = [...world.instances.keys()].find((key) => !before.has(key))
  if (id === undefined) throw new Error('the rent did not create an instance')
  return id
}

const seededId = () => {
  const [id] = world.instances.keys()
  if (id === undefined) throw new Error('the world has no seeded instance')
  return id
}

describe('account keys', () => {
  it('lists keys as the DOCS bare array, which the app reads', async () => {
    createAccountKey(world, { ssh_key: laptop })
    const { status, body } = await raw('/api/v0/ssh/')
    expect(status).toBe(200)
    const { keys } = await listSshKeys()
    expect(keys).toEqual([
      { id: keys[0]?.id, publicKey: laptop, createdAt: worldNow(world), deleted: false },
    ])
    expect(body).toEqual([
      {
        id: keys[0]?.id,
        user_id: accountIdOf(world),
        key: laptop,
        created_at: new Date(worldNow(world)).toISOString(),
        deleted_at: null,
      },
    ])
  })

  it('answers the CLI envelope under a switch, which the app reads too', async () => {
    createAccountKey(world, { ssh_key: laptop })
    simulateSshKeys(world, { listShape: 'cli' })
    const { body } = await raw('/api/v0/ssh/')
    const { keys } = await listSshKeys()
    expect(keys.map((k) => [k.publicKey, k.createdAt])).toEqual([[laptop, null]])
    expect(body).toEqual({ ssh_keys: [{ id: keys[0]?.id, ssh_key: laptop }] })
  })

  it('adds a key (answered as `public_key`) and refuses an invalid one with 400 no_ssh_key', async () => {
    const added = await addSshKey(`  ${laptop}\n`)
    expect(added?.publicKey).toBe(laptop)
    expect((await listSshKeys()).keys.map((k) => k.id)).toEqual([added?.id])
    expect(await rejection(addSshKey('ssh-ed25519'))).toEqual({
      kind: 'validation',
      status: 400,
      code: 'no_ssh_key',
    })
  })

  it('limits adding to one call a second', async () => {
    const post = (ssh_key: string) =>
      raw('/api/v0/ssh/', { method: 'POST', body: JSON.stringify({ ssh_key }) })
    expect((await post(laptop)).status).toBe(200)
    expect(await post(desk)).toEqual({
      status: 429,
      body: 'API requests too frequent endpoint threshold=1.0',
    })
  })

  it('an account without keys answers 404 "No SSH keys found" as documented; the app reads it as empty', async () => {
    expect(await raw('/api/v0/ssh/')).toEqual({
      status: 404,
      body: { success: false, error: 'not_found', msg: 'No SSH keys found for the user.' },
    })
    expect(await listSshKeys()).toEqual({ keys: [], dropped: 0 })
    simulateSshKeys(world, { whenNone: 'empty' })
    expect(await raw('/api/v0/ssh/')).toEqual({ status: 200, body: [] })
  })

  it('other 404s on the key list still fail', async () => {
    simulateSshKeys(world, { whenNone: 'empty' })
    server.use(
      http.get('*/api/v0/ssh/', () =>
        HttpResponse.json(
          { success: false, error: 'not_found', msg: 'Not found' },
          { status: 404 },
        ),
      ),
    )
    expect(await rejection(listSshKeys())).toMatchObject({ kind: 'not_found', status: 404 })
  })

  it('deletes a key; deleting it again answers 404', async () => {
    const id = (await addSshKey(laptop))?.id ?? -1
    await deleteSshKey(id)
    expect((await listSshKeys()).keys).toEqual([])
    expect(await rejection(deleteSshKey(id))).toMatchObject({ kind: 'not_found', status: 404 })
  })

  it('answers 403 to adding and deleting when the key lacks user_write', async () => {
    createAccountKey(world, { ssh_key: laptop })
    simulateSshKeys(world, { userWrite: 'forbidden' })
    expect(await rejection(addSshKey(desk))).toMatchObject({ kind: 'auth', status: 403 })
    const [key] = (await listSshKeys()).keys
    expect(await rejection(deleteSshKey(key?.id ?? -1))).toMatchObject({
      kind: 'auth',
      status: 403,
    })
  })
})

describe('instance keys', () => {
  it('an account key added after an instance was created is not on that instance; attach puts it there', async () => {
    const old = seededId()
    createAccountKey(world, { ssh_key: laptop })
    const fresh = rentOne() // same model millisecond as the key, but created after it
    expect(await listInstanceSshKeys(old)).toEqual([])
    expect((await listInstanceSshKeys(fresh)).map((k) => k.publicKey)).toEqual([laptop])

    await attachSshKey(old, laptop)
    expect((await listInstanceSshKeys(old)).map((k) => k.publicKey)).toEqual([laptop])
  })

  it('sends the instance list as a JSON string; a deleted account key stays on instances that had it', async () => {
    const added = await addSshKey(laptop)
    const id = rentOne()
    await deleteSshKey(added?.id ?? -1)
    const { body } = await raw(`/api/v0/instances/${id}/ssh/`)
    const list = isRecord(body) ? body.ssh_keys : null
    expect(typeof list).toBe('string')
    expect(String(list)).toContain(laptop)
    expect((await listInstanceSshKeys(rentOne())).length).toBe(0)
  })

  it('detaches a key from one instance, and answers 404 for an unknown instance', async () => {
    const id = seededId()
    await attachSshKey(id, desk)
    const [attached] = await listInstanceSshKeys(id)
    expect(
      (await raw(`/api/v0/instances/${id}/ssh/${attached?.id}/`, { method: 'DELETE', body: '{}' }))
        .status,
    ).toBe(200)
    expect(await listInstanceSshKeys(id)).toEqual([])
    expect(await rejection(attachSshKey(1, desk))).toMatchObject({ kind: 'not_found', status: 404 })
  })
})
