// The rent's failure kinds: only Vast's `no_such_ask` means the offer is gone
// (docs yaml/create_instance: 404 invalid_args with a no_such_ask message, or 410 no_such_ask).
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { server } from '../../simulator/node'
import { submitApiKey } from '../api-key-store'
import { rentOffer } from './endpoints'

async function rentAnswered(status: number, body: Record<string, unknown>): Promise<unknown> {
  server.use(http.put('*/api/v0/asks/:id/', () => HttpResponse.json(body, { status })))
  submitApiKey('test-key-1234', false)
  return rentOffer(42, { image: 'x', disk: 20, runtype: 'ssh' }).then(
    () => null,
    (e: unknown) => e,
  )
}

describe('rentOffer failures', () => {
  it('a plain 404 is not "offer gone": it reads as what Vast said', async () => {
    const error = await rentAnswered(404, { error: 'not_found', msg: 'Not found' })
    expect(error).toMatchObject({ kind: 'not_found', message: 'Not found' })
  })

  it('404 invalid_args whose message says no_such_ask is offer gone', async () => {
    const error = await rentAnswered(404, {
      error: 'invalid_args',
      msg: 'error 404/3603: no_such_ask Instance type by id 42 is not available.',
    })
    expect(error).toMatchObject({ kind: 'offer_gone' })
  })

  it('410 no_such_ask is offer gone', async () => {
    const error = await rentAnswered(410, { error: 'no_such_ask', msg: 'error 410/3907: gone' })
    expect(error).toMatchObject({ kind: 'offer_gone' })
  })
})
