// Boundary tests of the HTTP client: every failure shape the reference documents, served by a
// test-only route so that each shape is exact. Feature tests use the simulator instead.
import { http, HttpResponse } from 'msw'
import * as z from 'zod/mini'
import { describe, expect, it } from 'vitest'
import { createWorld } from '../simulator/model'
import { server } from '../simulator/node'
import { apiRequest, bindTransport } from './client'
import { submitApiKey } from './api-key-store'
import { ApiError } from './errors'

const PATH = '/api/v0/boundary-test/'
const okSchema = z.object({ value: z.number() })

function serve(response: () => Response) {
  let seen: Request | null = null
  server.use(
    http.all(`*${PATH}`, ({ request }) => {
      seen = request
      return response()
    }),
  )
  return () => seen
}

async function failure(response: () => Response, method: 'GET' | 'PUT' = 'GET'): Promise<ApiError> {
  serve(response)
  submitApiKey('test-key-1234', false)
  const error: unknown = await apiRequest({
    route: 'account',
    method,
    path: PATH,
    schema: okSchema,
  }).then(
    () => null,
    (e: unknown) => e,
  )
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`)
  return error
}

describe('apiRequest', () => {
  it('sends the key only in the Authorization header and JSON bodies with their content type', async () => {
    const seen = serve(() => HttpResponse.json({ value: 1 }))
    submitApiKey('  secret-key-abcd ', false)
    await apiRequest({
      route: 'account',
      method: 'PUT',
      path: PATH,
      body: { a: 1 },
      schema: okSchema,
      query: { q: '{"x":1}' },
    })
    const request = seen()
    expect(request?.headers.get('authorization')).toBe('Bearer secret-key-abcd')
    expect(request?.headers.get('content-type')).toBe('application/json')
    expect(request?.url).not.toContain('secret-key')
    expect(request?.url).toContain('q=%7B%22x%22%3A1%7D')
    expect(await request?.json()).toEqual({ a: 1 })
  })

  it('parses a good body through the schema', async () => {
    serve(() => HttpResponse.json({ value: 42, extra: 'kept elsewhere' }))
    submitApiKey('k', false)
    await expect(
      apiRequest({ route: 'account', method: 'GET', path: PATH, schema: okSchema }),
    ).resolves.toEqual({ value: 42 })
  })

  it.each([
    [
      '401 auth_error',
      () =>
        HttpResponse.json(
          { success: false, error: 'auth_error', msg: 'Invalid user key' },
          { status: 401 },
        ),
    ],
    ['403 scoped key', () => HttpResponse.json({ detail: 'forbidden' }, { status: 403 })],
    [
      '404 auth_error (a wrong key)',
      () =>
        HttpResponse.json(
          { success: false, error: 'auth_error', msg: 'Invalid user key' },
          { status: 404 },
        ),
    ],
    ['404 with only msg', () => HttpResponse.json({ msg: 'Invalid user key' }, { status: 404 })],
    [
      '200 success:false auth_error',
      () => HttpResponse.json({ success: false, error: 'auth_error', msg: 'Invalid user key' }),
    ],
  ])('reads %s as a rejected key', async (_name, response) => {
    const error = await failure(response)
    expect(error.kind).toBe('auth')
    expect(error.message).toMatch(/rejected the API key/)
    expect(error.message).toMatch(/misc, user_read, instance_read and instance_write/)
  })

  // PUT: a write is never sent again, so the 429 comes straight back (reads retry: see below).
  it('reads a plain-text 429 as rate limited without crashing', async () => {
    const error = await failure(
      () =>
        new HttpResponse('API requests too frequent endpoint threshold=1.0', {
          status: 429,
          headers: { 'content-type': 'text/plain' },
        }),
      'PUT',
    )
    expect(error.kind).toBe('rate_limited')
    expect(error.detail).toContain('too frequent')
  })

  it('reads a JSON 429 with detail as rate limited', async () => {
    const error = await failure(
      () =>
        HttpResponse.json(
          { detail: 'API requests too frequent endpoint threshold=4.5' },
          { status: 429 },
        ),
      'PUT',
    )
    expect(error.kind).toBe('rate_limited')
  })

  it('reads 410 deprecated_endpoint and keeps its message naming the replacement', async () => {
    const error = await failure(() =>
      HttpResponse.json(
        {
          success: false,
          error: 'deprecated_endpoint',
          msg: '/api/v0/instances/ is deprecated. Use /api/v1/instances/ instead.',
        },
        { status: 410 },
      ),
    )
    expect(error.kind).toBe('deprecated')
    expect(error.message).toBe('/api/v0/instances/ is deprecated. Use /api/v1/instances/ instead.')
  })

  it('reads an HTML 502 as a server error with a readable message', async () => {
    const error = await failure(
      () =>
        new HttpResponse(
          '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>',
          {
            status: 502,
            headers: { 'content-type': 'text/html' },
          },
        ),
    )
    expect(error.kind).toBe('server')
    expect(error.message).toBe('Vast answered with a server error (502): 502 Bad Gateway')
  })

  it('reads an HTML 301 as an unexpected redirect, not a parse crash', async () => {
    const error = await failure(
      () =>
        new HttpResponse('<html><title>301 Moved Permanently</title></html>', {
          status: 301,
          headers: { 'content-type': 'text/html', location: '/elsewhere/' },
        }),
    )
    expect(error.kind).toBe('server')
    expect(error.message).toMatch(/redirect/)
  })

  it('strips the internal code prefix from validation messages', async () => {
    const error = await failure(() =>
      HttpResponse.json(
        {
          success: false,
          error: 'invalid_args',
          msg: "error 400/3467: Invalid args: 'id' is required",
        },
        { status: 400 },
      ),
    )
    expect(error.kind).toBe('validation')
    expect(error.code).toBe('invalid_args')
    expect(error.message).toBe("Invalid args: 'id' is required")
  })

  it('reads a 200 with success:false as an error carrying its msg', async () => {
    const error = await failure(() =>
      HttpResponse.json({ success: false, msg: 'Insufficient credit' }),
    )
    expect(error.kind).toBe('validation')
    expect(error.message).toBe('Insufficient credit')
  })

  it('reads a non-JSON 200 as a parse error', async () => {
    const error = await failure(
      () =>
        new HttpResponse('<html>maintenance</html>', {
          status: 200,
          headers: { 'content-type': 'text/html' },
        }),
    )
    expect(error.kind).toBe('parse')
  })

  it('reads malformed JSON as a parse error', async () => {
    const error = await failure(
      () =>
        new HttpResponse('{"value": ', {
          status: 200,
          headers: { 'content-type': 'application/json' },
        }),
    )
    expect(error.kind).toBe('parse')
  })

  it('reads a body of the wrong shape as a parse error with detail', async () => {
    const error = await failure(() => HttpResponse.json({ value: 'not a number' }))
    expect(error.kind).toBe('parse')
    expect(error.detail).toContain('value')
  })

  it('reads a dropped connection as a network error', async () => {
    const error = await failure(() => HttpResponse.error())
    expect(error.kind).toBe('network')
  })

  it('refuses to send without a key', async () => {
    serve(() => HttpResponse.json({ value: 1 }))
    await expect(
      apiRequest({ route: 'account', method: 'GET', path: PATH, schema: okSchema }),
    ).rejects.toMatchObject({ kind: 'auth' })
  })
})

describe('bindTransport', () => {
  it('routes only the requests made with the bound signal through the given fetch', async () => {
    submitApiKey(createWorld({ rateLimits: false }).key, false)
    const seen: string[] = []
    const bound = new AbortController().signal
    bindTransport(bound, (input, init) => {
      seen.push(`${init?.method ?? 'GET'} ${typeof input === 'string' ? input : 'other'}`)
      return fetch(input, init)
    })
    const schema = z.looseObject({ id: z.number() })
    const path = '/api/v0/users/current/'
    await apiRequest({ route: 'account', method: 'GET', path, schema, signal: bound })
    await apiRequest({ route: 'account', method: 'GET', path, schema })
    expect(seen).toEqual([`GET ${path}`])
  })
})
