import { describe, expect, it } from 'vitest'
import * as z from 'zod/mini'
import { canDestroy, canStart, canStop } from '../domain/instance-status'
import { instanceSchema, type Instance } from '../api/instances/schemas'
import {
  blockedReason,
  describeStatusChanges,
  diskText,
  formatClock,
  gpuText,
  instanceTitle,
  statusSnapshot,
  statusTone,
} from './instance-view'

/** A parsed instance, built from raw API-shaped fields as the simulator would send them. */
function instance(raw: Record<string, unknown>): Instance {
  return z.parse(instanceSchema, { id: 27400001, ...raw })
}

describe('instanceTitle', () => {
  it('is the id alone without a label', () => {
    expect(instanceTitle(instance({ label: null }))).toBe('Instance 27400001')
  })
  it('appends the trimmed label', () => {
    expect(instanceTitle(instance({ label: '  my-label ' }))).toBe('Instance 27400001 · my-label')
  })
  it('ignores a blank label', () => {
    expect(instanceTitle(instance({ label: '   ' }))).toBe('Instance 27400001')
  })
})

describe('gpuText', () => {
  it('shows count and model', () => {
    expect(gpuText(instance({ num_gpus: 1, gpu_name: 'RTX 4090' }))).toBe('1× RTX 4090')
    expect(gpuText(instance({ num_gpus: '2', gpu_name: 'A100 SXM4' }))).toBe('2× A100 SXM4')
  })
  it('falls back when fields are missing', () => {
    expect(gpuText(instance({ gpu_name: 'H100 SXM' }))).toBe('H100 SXM')
    expect(gpuText(instance({ num_gpus: 4 }))).toBe('4× Unknown GPU')
  })
})

describe('sizes', () => {
  it('formats disk in GB', () => {
    expect(diskText(instance({ disk_space: 40.0 }))).toBe('40 GB')
    expect(diskText(instance({ disk_space: 32.55 }))).toBe('32.6 GB')
    expect(diskText(instance({}))).toBe('—')
  })
})

describe('statusTone', () => {
  it('gives every status a tone, with failures distinct from healthy states', () => {
    expect(statusTone('running')).toBe('ok')
    expect(statusTone('loading')).toBe('busy')
    expect(statusTone('stopped')).toBe('idle')
    expect(statusTone('host_offline')).toBe('warn')
    expect(statusTone('error')).toBe('bad')
  })
})

describe('blockedReason', () => {
  const running = instance({ actual_status: 'running', intended_status: 'running' })
  const stopped = instance({ actual_status: 'exited', intended_status: 'stopped' })
  const offline = instance({ actual_status: 'offline', intended_status: 'running' })

  it('is null for allowed actions', () => {
    expect(blockedReason('stop', running, canStop(running))).toBeNull()
    expect(blockedReason('start', stopped, canStart(stopped))).toBeNull()
    expect(blockedReason('destroy', running, canDestroy())).toBeNull()
  })
  it('explains why Start and Stop are unavailable', () => {
    expect(blockedReason('start', running, canStart(running))).toBe('Already running.')
    expect(blockedReason('stop', stopped, canStop(stopped))).toBe('Already stopped.')
    expect(blockedReason('stop', offline, canStop(offline))).toMatch(/host is offline/)
  })
})

describe('status announcements', () => {
  it('describes changed, new and vanished instances', () => {
    const before = statusSnapshot([
      instance({ id: 1, actual_status: 'loading', intended_status: 'running' }),
      instance({ id: 2, actual_status: 'running', intended_status: 'running' }),
      instance({ id: 3, actual_status: 'running', intended_status: 'running' }),
    ])
    const after = statusSnapshot([
      instance({ id: 1, actual_status: 'running', intended_status: 'running' }),
      instance({ id: 2, actual_status: 'running', intended_status: 'running' }),
      instance({ id: 4, actual_status: null, intended_status: 'running' }),
    ])
    expect(describeStatusChanges(before, after)).toEqual([
      'Instance 1 is now Running',
      'Instance 4 is now Provisioning',
      'Instance 3 is no longer listed',
    ])
  })
  it('is silent when nothing changed', () => {
    const snap = statusSnapshot([
      instance({ actual_status: 'running', intended_status: 'running' }),
    ])
    expect(describeStatusChanges(snap, new Map(snap))).toEqual([])
  })
})

describe('formatClock', () => {
  it('formats a time as HH:MM:SS', () => {
    expect(formatClock(new Date(2026, 7, 29, 9, 5, 7).getTime())).toBe('09:05:07')
  })
})
