import { describe, expect, it } from 'vitest'
import { cleanMessage, errorFromStatus, isAuthFailure } from './errors'

describe('errorFromStatus', () => {
  it('recognises auth failures from any status Vast uses', () => {
    expect(isAuthFailure(401, {})).toBe(true)
    expect(isAuthFailure(403, {})).toBe(true)
    expect(isAuthFailure(404, { error: 'auth_error' })).toBe(true)
    expect(isAuthFailure(400, { msg: 'Invalid user key' })).toBe(true)
    expect(isAuthFailure(404, { error: 'no_such_instance' })).toBe(false)
    expect(isAuthFailure(500, { error: 'auth_error' })).toBe(false)
  })

  it('maps statuses to kinds', () => {
    expect(errorFromStatus(404, { error: 'not_found', msg: 'gone' }).kind).toBe('not_found')
    expect(errorFromStatus(422, { msg: 'limit: Input should be a valid integer' }).message).toBe(
      'limit: Input should be a valid integer',
    )
    expect(errorFromStatus(503, { text: 'Service Unavailable' }).kind).toBe('server')
    expect(errorFromStatus(429, { text: 'API requests too frequent' }).kind).toBe('rate_limited')
  })

  it('cleans Vast message prefixes', () => {
    expect(
      cleanMessage('error 404/3603: no_such_ask Instance type by id 1 is not available.'),
    ).toBe('no_such_ask Instance type by id 1 is not available.')
  })
})

describe('router text', () => {
  it('never reaches the user verbatim', () => {
    for (const body of [
      { msg: 'no route GET /api/v0/ssh/' },
      { text: 'no route GET /api/v0/ssh/' },
    ]) {
      const error = errorFromStatus(404, body)
      expect(error.message).not.toMatch(/no route/)
      expect(error.message).toMatch(/^Vast does not offer this request/)
      expect(error.detail).toBe('no route GET /api/v0/ssh/')
    }
  })
})
