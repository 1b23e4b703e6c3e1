import { describe, expect, it } from 'vitest'
import { bulkWording, destroyStoppedWording, destroyWording, stopWording } from './action-wording'

describe('instance action wording', () => {
  it('a stop says storage keeps billing, at its daily price or "rate unknown"', () => {
    const stop = stopWording({ id: 7, label: 'train', storagePerDay: 0.24 })
    expect(stop.title).toBe('Stop instance 7?')
    expect(stop.confirmLabel).toBe('Stop')
    expect(stop.body).toBe(
      'GPU billing for instance 7 "train" stops, but storage keeps billing ($0.240/day) until you ' +
        'destroy it. Data on its disk is kept, and you can start it again later if the GPU is still free.',
    )
    expect(stopWording({ id: 7, storagePerDay: null }).body).toContain('(rate unknown)')
  })

  it('a destroy says the data is deleted and which billing ends, with the price when known', () => {
    const live = destroyWording({ id: 7, label: null, gpu: '1× RTX 4090', perHour: 0.4 })
    expect(live).toEqual({
      title: 'Destroy instance 7?',
      body: 'All data on instance 7 (1× RTX 4090) is deleted. This cannot be undone. All billing for it ends ($0.400/hr now).',
      confirmLabel: 'Destroy',
    })
    expect(destroyWording({ id: 7, gpu: 'A100', perHour: null }).body).toMatch(/ends\.$/)
    expect(destroyStoppedWording({ id: 8, label: 'old', storagePerDay: 0.48 }).body).toBe(
      'All data on instance 8 "old" is deleted. This cannot be undone. Its storage billing ends ($0.480/day).',
    )
    expect(destroyStoppedWording({ id: 8, storagePerDay: null }).body).toMatch(/billing ends\.$/)
  })

  it('a bulk action counts the instances, names them, prices them and says which are skipped', () => {
    const stop = bulkWording('stop', {
      names: ['1', '2 "b"'],
      skipped: 1,
      perHour: 0,
      storagePerDay: 0.72,
    })
    expect(stop.title).toBe('Stop 2 instances?')
    expect(stop.confirmLabel).toBe('Stop 2')
    expect(stop.body).toBe(
      'Stop 2 instances: 1, 2 "b". GPU billing stops, storage keeps billing ($0.720/day together) ' +
        'until destroyed. 1 selected cannot be stopped now and are skipped.',
    )
    const destroy = bulkWording('destroy', {
      names: ['3'],
      skipped: 0,
      perHour: 1.5,
      storagePerDay: 0,
    })
    expect(destroy.title).toBe('Destroy 1 instance?')
    expect(destroy.body).toBe(
      'Destroy 1 instance: 3. All their data is deleted; this cannot be undone. Their billing ends ($1.500/hr now).',
    )
    expect(
      bulkWording('start', { names: ['4'], skipped: 0, perHour: 0, storagePerDay: 0 }).body,
    ).toBe('Start 1 instance: 4. GPU billing resumes once each is running.')
  })
})
