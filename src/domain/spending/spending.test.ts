import { describe, expect, it } from 'vitest'
import { groupBy, perDay, projectMonth, stoppedStorage, totals } from './aggregate'
import { autoStopTargets, budgetLevel, budgetStates, type Budget } from './budgets'
import { CSV_COLUMNS, csvField, toCsv } from './csv'
import { toCharge, type Charge } from './ledger'
import { balanceEffect, creditLine } from './payments'
import { dayStart, missingSpans, presetRange } from './range'

const D = 86_400
const t0 = dayStart('2026-11-01')

function charge(over: Partial<Charge> & { start: number; end: number; amount: number }): Charge {
  return toCharge(
    {
      kind: 'instance',
      source: `instance-${over.instanceId ?? 1}`,
      description: 'Instance charges',
      start: over.start,
      end: over.end,
      amount: over.amount,
      label: over.label ?? null,
      templateId: over.templateId ?? null,
      items: [
        { type: 'gpu', amount: over.gpu ?? over.amount },
        { type: 'disk', amount: over.storage ?? 0 },
      ],
    },
    { start: 0, end: 0 },
  )
}

describe('ledger rows', () => {
  it('sorts items into GPU, storage, upload and download; the rest is other', () => {
    const c = toCharge(
      {
        kind: 'instance',
        source: 'instance-42',
        description: null,
        start: t0,
        end: t0 + 3600,
        amount: 1.5,
        label: 'a',
        templateId: 7,
        items: [
          { type: 'gpu', amount: 1 },
          { type: 'disk', amount: 0.2 },
          { type: 'bwu', amount: 0.1 },
          { type: 'bwd', amount: 0.1 },
        ],
      },
      { start: 0, end: 0 },
    )
    expect(c).toMatchObject({ instanceId: 42, gpu: 1, storage: 0.2, upload: 0.1, download: 0.1 })
    expect(c.other).toBeCloseTo(0.1, 6)
  })
})

describe('aggregation', () => {
  const rows = [
    charge({ start: t0, end: t0 + 2 * D, amount: 4, label: 'proj-a/x', instanceId: 1 }),
    charge({
      start: t0 + D,
      end: t0 + D + 3600,
      amount: 1,
      gpu: 0,
      storage: 1,
      label: 'b',
      instanceId: 2,
    }),
  ]
  it('spreads a row over the days it covers; days sum to the total', () => {
    const days = perDay(rows, { from: '2026-11-01', to: '2026-11-03' })
    expect(days.map((d) => d.total)).toEqual([2, 3, 0])
    expect(days.reduce((s, d) => s + d.total, 0)).toBe(totals(rows).total)
  })
  it('groups by label, largest first', () => {
    expect(groupBy(rows, (c) => c.label ?? '').map((g) => [g.key, g.total])).toEqual([
      ['proj-a/x', 4],
      ['b', 1],
    ])
  })
  it('calls out storage paid without GPU time or on stopped instances', () => {
    expect(stoppedStorage(rows, new Set())).toBe(1)
  })
  it('projects the month from the last 24 hours', () => {
    const now = t0 + 10 * D
    const steady = [charge({ start: t0, end: now, amount: 20 })]
    const p = projectMonth(steady, now)
    expect(p.monthToDate).toBeCloseTo(20)
    expect(p.perDay).toBeCloseTo(2)
    expect(p.monthEnd).toBeCloseTo(60)
  })
})

describe('ranges', () => {
  it('presets: this month, last 7 and 30 days', () => {
    expect(presetRange('month', '2026-11-30')).toEqual({ from: '2026-11-01', to: '2026-11-30' })
    expect(presetRange('7d', '2026-11-30')).toEqual({ from: '2026-11-24', to: '2026-11-30' })
    expect(presetRange('30d', '2026-11-30').from).toBe('2026-11-01')
  })
  it('finds the spans a revisit still has to fetch', () => {
    const held = new Set(['2026-11-02', '2026-11-03', '2026-11-06'])
    expect(missingSpans({ from: '2026-11-01', to: '2026-11-07' }, held)).toEqual([
      { from: '2026-11-01', to: '2026-11-01' },
      { from: '2026-11-04', to: '2026-11-05' },
      { from: '2026-11-07', to: '2026-11-07' },
    ])
  })
})

describe('budgets', () => {
  const budget: Budget = {
    id: 'b1',
    scope: 'label',
    label: 'proj-a/',
    prefix: true,
    monthlyUsd: 10,
    autoStop: true,
  }
  it('warns at 80% and is over at 100%', () => {
    expect(budgetLevel(7.99, 10)).toBe('ok')
    expect(budgetLevel(8, 10)).toBe('warning')
    expect(budgetLevel(10, 10)).toBe('over')
  })
  it('counts only matching labels (prefix or exact)', () => {
    const rows = [
      charge({ start: t0, end: t0 + 1, amount: 6, label: 'proj-a/train' }),
      charge({ start: t0, end: t0 + 1, amount: 5, label: 'proj-b/x' }),
      charge({ start: t0, end: t0 + 1, amount: 4, label: 'proj-a/eval' }),
    ]
    const [state] = budgetStates([budget], rows)
    expect(state?.spent).toBe(10)
    expect(state?.level).toBe('over')
    const exact = budgetStates([{ ...budget, label: 'proj-a/train', prefix: false }], rows)
    expect(exact[0]?.spent).toBe(6)
  })
  it('auto-stop picks the running instances of the label, once a month', () => {
    const state = { budget, spent: 12, used: 1.2, level: 'over' as const }
    const instances = [
      { id: 1, label: 'proj-a/train', running: true },
      { id: 2, label: 'proj-a/eval', running: false },
      { id: 3, label: 'proj-b/x', running: true },
    ]
    expect(autoStopTargets(state, instances, '2026-11', undefined)).toEqual([1])
    expect(autoStopTargets(state, instances, '2026-11', '2026-11')).toEqual([])
    expect(
      autoStopTargets({ ...state, level: 'warning' }, instances, '2026-11', undefined),
    ).toEqual([])
    expect(
      autoStopTargets(
        { ...state, budget: { ...budget, autoStop: false } },
        instances,
        '2026-11',
        undefined,
      ),
    ).toEqual([])
  })
})

describe('CSV', () => {
  it('has the documented columns and one line per charge', () => {
    const rows = [
      charge({ start: t0, end: t0 + 3600, amount: 1.25, label: 'x,"y"', instanceId: 9 }),
    ]
    const lines = toCsv(rows).trimEnd().split('\r\n')
    expect(lines[0]).toBe(CSV_COLUMNS.join(','))
    expect(lines).toHaveLength(2)
    expect(lines[1]).toBe(
      '2026-11-01T00:00:00Z,2026-11-01T01:00:00Z,instance,instance-9,9,"x,""y""",,Instance charges,1.250,0.000,0.000,0.000,0.000,1.250',
    )
  })
  it('defuses spreadsheet formulas in text', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`)
  })
})

describe('payments', () => {
  it('reads Vast’s sign as the CLI does', () => {
    expect(balanceEffect('credit', -25)).toBe(25)
    expect(balanceEffect('transfer', 10)).toBe(10)
  })
  it('works the credit back from now', () => {
    const now = t0 + 2 * D
    const rows = [charge({ start: t0, end: now, amount: 2 })]
    const payments = [
      {
        id: '1',
        at: t0 + D + 10,
        paidAt: t0 + D + 10,
        type: 'credit',
        method: 'stripe',
        description: '',
        amount: 5,
      },
    ]
    const line = creditLine(10, now, rows, payments, { from: '2026-11-01', to: '2026-11-02' })
    expect(line).toEqual([
      { day: '2026-11-01', credit: 10 + 1 - 5 },
      { day: '2026-11-02', credit: 10 },
    ])
  })
})
