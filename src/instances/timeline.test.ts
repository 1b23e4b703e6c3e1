import { describe, expect, it } from 'vitest'
import * as z from 'zod/mini'
import { instanceSchema } from '../api/instances/schemas'
import { filterAndSort } from './card-filter'
import { formatSpan, loadingFor, phaseTimeline, portLinks, pullProgress } from './timeline'

describe('phase timeline', () => {
  it('starts at the contract start and times each observed phase', () => {
    const t0 = 1_800_000_000_000
    const steps = phaseTimeline(t0 / 1000, [
      { status: 'provisioning', at: t0 + 1_000 },
      { status: 'loading', at: t0 + 6_000 },
      { status: 'running', at: t0 + 66_000 },
    ])
    expect(steps.map((s) => [s.label, s.tookMs, s.firstSeen, s.current])).toEqual([
      ['Created', 6_000, false, false],
      ['Loading image…', 60_000, false, false],
      ['Running', null, false, true],
    ])
  })
  it('gives no duration for time before this browser first looked', () => {
    const t0 = 1_800_000_000_000
    const steps = phaseTimeline(t0 / 1000, [
      { status: 'running', at: t0 + 26 * 3_600_000 },
      { status: 'stopped', at: t0 + 27 * 3_600_000 },
    ])
    expect(steps.map((s) => [s.label, s.tookMs, s.firstSeen])).toEqual([
      ['Created', null, false],
      ['Running', null, true],
      ['Stopped', null, false],
    ])
  })
  it('formats spans', () => {
    expect(formatSpan(12_000)).toBe('12 s')
    expect(formatSpan(245_000)).toBe('4 min 5 s')
    expect(formatSpan(2 * 3_600_000 + 180_000)).toBe('2 h 3 min')
    expect(formatSpan(76 * 3_600_000)).toBe('3 d 4 h')
  })
  it('measures loading from when it was first seen loading', () => {
    const raw = z.parse(instanceSchema, {
      id: 1,
      actual_status: 'loading',
      intended_status: 'running',
      start_date: 100,
    })
    expect(loadingFor(raw, [{ status: 'loading', at: 150_000 }], 750_000)).toBe(600_000)
    expect(loadingFor(raw, [], 750_000)).toBe(650_000)
  })
})

describe('pull progress from status_msg', () => {
  it.each([
    ['Pulling image vastai/base-image: 3/12 layers, 1.2 GB/4.0 GB', 0.3],
    ['Downloading 500MB/2GB', 0.25],
    ['pull 45%', 0.45],
    ['3/12 layers', 0.25],
  ])('%s → %d', (msg, fraction) => {
    expect(pullProgress(msg)).toBeCloseTo(fraction, 5)
  })
  it('is null without a figure', () => {
    expect(pullProgress('success, running x/ssh')).toBeNull()
    expect(pullProgress(null)).toBeNull()
  })
})

describe('port links', () => {
  it('links every open port but SSH, and Jupyter over HTTPS with its token', () => {
    const links = portLinks(
      z.parse(instanceSchema, {
        id: 1,
        public_ipaddr: ' 203.0.113.9\n',
        image_runtype: 'jupyter jupyter_direc ssh_direc',
        jupyter_token: 'abc123',
        ports: {
          '22/tcp': [{ HostIp: '0.0.0.0', HostPort: '41022' }],
          '8080/tcp': [{ HostIp: '0.0.0.0', HostPort: '41080' }],
          '8000/tcp': [{ HostIp: '0.0.0.0', HostPort: '41000' }],
        },
      }),
    )
    expect(links.ports).toEqual([{ name: 'Port 8000', href: 'http://203.0.113.9:41000/' }])
    expect(links.jupyter).toEqual({
      name: 'Open Jupyter',
      href: 'https://203.0.113.9:41080/?token=abc123',
    })
  })
})

describe('card filter', () => {
  const list = [
    {
      id: 1,
      actual_status: 'running',
      intended_status: 'running',
      label: 'b',
      gpu_name: 'H100 SXM',
      dph_total: 2,
    },
    {
      id: 2,
      actual_status: 'exited',
      intended_status: 'stopped',
      label: 'a',
      gpu_name: 'RTX 4090',
      dph_total: 0.3,
    },
    {
      id: 3,
      actual_status: 'loading',
      intended_status: 'running',
      label: null,
      gpu_name: 'RTX 4090',
      dph_total: 0.4,
    },
  ].map((raw) => z.parse(instanceSchema, raw))
  it('filters by status group and text, and sorts', () => {
    const ids = (v: Parameters<typeof filterAndSort>[1]) => filterAndSort(list, v).map((i) => i.id)
    expect(ids({ status: 'all', text: '', sort: 'newest' })).toEqual([3, 2, 1])
    expect(ids({ status: 'stopped', text: '', sort: 'newest' })).toEqual([2])
    expect(ids({ status: 'changing', text: '', sort: 'newest' })).toEqual([3])
    expect(ids({ status: 'all', text: '4090', sort: 'oldest' })).toEqual([2, 3])
    expect(ids({ status: 'all', text: '', sort: 'price' })).toEqual([1, 3, 2])
    expect(ids({ status: 'all', text: '', sort: 'label' })).toEqual([2, 1, 3])
    expect(ids({ status: 'all', text: '', sort: 'gpu' })).toEqual([1, 3, 2])
  })
})
