import { describe, expect, it } from 'vitest'
import { closeGpuModels, FALLBACK_GPU_MODELS, suggestGpuModels } from './gpu-models'

describe('GPU model suggestions', () => {
  it('matches a part of the name, however spaced', () => {
    expect(suggestGpuModels('4090', FALLBACK_GPU_MODELS)).toEqual(['RTX 4090', 'RTX 4090D'])
    expect(suggestGpuModels('h100_sxm', FALLBACK_GPU_MODELS)).toEqual(['H100 SXM'])
    expect(suggestGpuModels('rtx4090d', FALLBACK_GPU_MODELS)).toEqual(['RTX 4090D'])
  })

  it('puts the exact name and then names starting with the text first', () => {
    expect(suggestGpuModels('a100', FALLBACK_GPU_MODELS).slice(0, 3)).toEqual([
      'A100 PCIE',
      'A100 SXM4',
      'A100X',
    ])
    expect(suggestGpuModels('L40', FALLBACK_GPU_MODELS)).toEqual(['L40', 'L40S'])
  })

  it('suggests close names for one that matched nothing', () => {
    expect(closeGpuModels('4090', FALLBACK_GPU_MODELS)).toEqual(['RTX 4090', 'RTX 4090D'])
    expect(closeGpuModels('H100 SXN', FALLBACK_GPU_MODELS)).toContain('H100 SXM')
    expect(closeGpuModels('RTX 4090', FALLBACK_GPU_MODELS)).toEqual(['RTX 4090D'])
    expect(closeGpuModels('zzzzzzzz', FALLBACK_GPU_MODELS)).toEqual([])
  })
})
