import { describe, expect, it } from 'vitest'
import { templateImage } from './template-view'

describe('templateImage', () => {
  const of = (image: string | null, tag: string | null) => templateImage({ image, tag })
  it('joins image and tag unless the image already names one', () => {
    expect(of('vllm/vllm-openai', 'latest')).toBe('vllm/vllm-openai:latest')
    expect(of('vastai/pytorch', '@vastai-automatic-tag')).toBe(
      'vastai/pytorch:@vastai-automatic-tag',
    )
    expect(of('localhost:5000/box:v2', 'latest')).toBe('localhost:5000/box:v2')
    expect(of('localhost:5000/box', null)).toBe('localhost:5000/box')
    expect(of(null, 'latest')).toBeNull()
  })
})
