import { describe, expect, it } from 'vitest'
import type { LiveCheckRow } from './checks'
import { cellsOf, formatTable, wrap } from './format'

const row: LiveCheckRow = {
  endpoint: 'GET /api/v0/users/current/',
  status: 200,
  parsed: 1,
  dropped: 0,
  missing: ['balance'],
  unknown: ['balance_threshold', 'can_pay', 'email_verified', 'fullname', 'has_billing', 'last4'],
  outcome: 'ok',
  note: 'sent: credit',
}

describe('wrap', () => {
  it('breaks at spaces within the width, and hard-breaks a long word', () => {
    expect(wrap('aaa bbb ccc', 7)).toEqual(['aaa bbb', 'ccc'])
    expect(wrap('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij'])
  })
})

describe('formatTable', () => {
  it('prints one table: header, rule, and each row’s cells (long ones on more lines)', () => {
    const text = formatTable([
      row,
      {
        ...row,
        endpoint: 'GET /api/v0/ssh/',
        status: 404,
        parsed: null,
        dropped: null,
        missing: [],
        unknown: [],
        outcome: 'failed',
        note: 'No SSH keys found',
      },
    ])
    const lines = text.split('\n')
    expect(lines[0]).toMatch(
      /^\| Endpoint +\| HTTP \| Parsed \| Dropped \| Expected, not sent +\| Sent, not known +\| Result +\|$/,
    )
    expect(lines[1]).toMatch(/^\|-+\|/)
    expect(text).toContain('| balance_threshold, can_pay,  ')
    expect(text).toContain('| email_verified, fullname, has_billing,   |')
    expect(text).toContain('FAILED: No SSH keys found')
    expect(new Set(lines.map((l) => l.length)).size).toBe(1)
  })

  it('shows "-" for what was not measured', () => {
    expect(
      cellsOf({
        ...row,
        status: null,
        parsed: null,
        dropped: null,
        missing: [],
        unknown: [],
        outcome: 'skipped',
        note: '',
      }),
    ).toEqual(['GET /api/v0/users/current/', '-', '-', '-', '-', '-', 'skipped'])
  })
})
