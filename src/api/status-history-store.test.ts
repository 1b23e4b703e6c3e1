import { afterEach, describe, expect, it } from 'vitest'
import * as z from 'zod/mini'
import { instanceSchema } from './instances/schemas'
import {
  readObservedMap,
  recordSightings,
  resetObserved,
  statusSince,
  stoppedSinceIn,
} from './status-history-store'

const box = (id: number, actual: string | null, intended = 'running') =>
  z.parse(instanceSchema, { id, actual_status: actual, intended_status: intended })

afterEach(resetObserved)

describe('recordSightings', () => {
  it('raises each transition once, nothing on first sight, and destroyed when unlisted', () => {
    expect(recordSightings([box(1, 'loading'), box(2, 'running')], 1_000)).toEqual([])
    expect(recordSightings([box(1, 'loading'), box(2, 'running')], 2_000)).toEqual([])
    expect(recordSightings([box(1, 'running'), box(2, 'exited', 'stopped')], 3_000)).toEqual([
      { id: 1, kind: 'running', at: 3_000 },
      { id: 2, kind: 'stopped', at: 3_000 },
    ])
    expect(recordSightings([box(1, 'running'), box(2, 'exited', 'stopped')], 4_000)).toEqual([])
    expect(recordSightings([box(2, 'offline')], 5_000)).toEqual([
      { id: 1, kind: 'destroyed', at: 5_000 },
      { id: 2, kind: 'host_offline', at: 5_000 },
    ])
    expect(recordSightings([box(2, 'offline')], 6_000)).toEqual([])
  })
  it('remembers since when an instance has been stopped, across a reload', () => {
    recordSightings([box(7, 'running')], 1_000)
    recordSightings([box(7, 'exited', 'stopped')], 9_000)
    recordSightings([box(7, 'exited', 'stopped')], 20_000)
    expect(stoppedSinceIn(readObservedMap(), 7)).toBe(9_000)
    const stored: unknown = JSON.parse(localStorage.getItem('vast-console.observed.v1') ?? '{}')
    expect(stored).toMatchObject({
      '7': { history: [{ status: 'running' }, { status: 'stopped', at: 9_000 }] },
    })
  })

  it("one account's list never marks another account's instances destroyed", () => {
    recordSightings([box(1, 'running')], 1_000, 'personal')
    recordSightings([box(2, 'running')], 2_000, 'team')
    expect(recordSightings([box(2, 'running')], 3_000, 'team')).toEqual([])
    expect(recordSightings([], 4_000, 'personal')).toEqual([
      { id: 1, kind: 'destroyed', at: 4_000 },
    ])
    expect(readObservedMap()['2']?.gone).toBeUndefined()
  })
})

describe('statusSince (the fast poll stuck clock)', () => {
  it('keeps the time a status was first seen and raises no event of its own', () => {
    expect(statusSince(box(5, 'loading'), 1_000)).toBe(1_000)
    expect(statusSince(box(5, 'loading'), 9_000)).toBe(1_000)
    expect(recordSightings([box(5, 'loading')], 10_000)).toEqual([])
    expect(recordSightings([box(5, 'running')], 11_000)).toEqual([
      { id: 5, kind: 'running', at: 11_000 },
    ])
    expect(statusSince(box(5, 'running'), 12_000)).toBe(11_000)
  })
  it('starts over after a reset (test setup)', () => {
    statusSince(box(6, 'loading'), 1_000)
    resetObserved()
    expect(statusSince(box(6, 'loading'), 5_000)).toBe(5_000)
  })
})

describe('recordSightings: outbid, auto-stopped and contract-end events', () => {
  const row = (id: number, fields: Record<string, unknown>) =>
    z.parse(instanceSchema, { id, actual_status: 'running', intended_status: 'running', ...fields })
  it('raises outbid for a bid held stopped after running', () => {
    recordSightings([row(1, { is_bid: true })], 1_000)
    expect(recordSightings([row(1, { is_bid: true, actual_status: 'stopped' })], 2_000)).toEqual([
      { id: 1, kind: 'outbid', at: 2_000 },
    ])
  })
  it('raises auto-stopped when the watchdog deadline had passed', () => {
    const onstart = '# vast-console auto-stop v2 (rules 1.s.0.0)\n'
    const image_runtype = 'ssh ssh_direc ssh_proxy'
    recordSightings([row(2, { onstart, image_runtype })], 5_000)
    const stopped = row(2, {
      onstart,
      image_runtype,
      actual_status: 'exited',
      intended_status: 'stopped',
    })
    expect(recordSightings([stopped], 6_000)).toEqual([{ id: 2, kind: 'auto_stopped', at: 6_000 }])
  })
  it('under the args launch mode the snippet never ran: a stop is a plain stop', () => {
    const onstart = '# vast-console auto-stop v2 (rules 1.s.0.0)\n'
    recordSightings([row(4, { onstart, image_runtype: 'args' })], 5_000)
    const stopped = row(4, {
      onstart,
      image_runtype: 'args',
      actual_status: 'exited',
      intended_status: 'stopped',
    })
    expect(recordSightings([stopped], 6_000)).toEqual([{ id: 4, kind: 'stopped', at: 6_000 }])
  })
  it('warns once 24 h and once 1 h before the contract ends', () => {
    const end = 100_000
    const at = (hoursLeft: number) => (end - hoursLeft * 3600) * 1000
    expect(recordSightings([row(3, { end_date: end })], at(30))).toEqual([])
    expect(recordSightings([row(3, { end_date: end })], at(20))).toEqual([
      { id: 3, kind: 'ending_24h', at: at(20) },
    ])
    expect(recordSightings([row(3, { end_date: end })], at(19))).toEqual([])
    expect(recordSightings([row(3, { end_date: end })], at(0.5))).toEqual([
      { id: 3, kind: 'ending_1h', at: at(0.5) },
    ])
    expect(recordSightings([row(3, { end_date: end })], at(0.4))).toEqual([])
  })
})
