import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { initialDraft, isImageReference, validateRentDraft, type RentContext } from './rent-form'

const onDemand: RentContext = { bid: false }
const interruptible: RentContext = { bid: true }
const draft = (patch: Partial<ReturnType<typeof initialDraft>>) => ({
  ...initialDraft('0.5'),
  ...patch,
})

describe('rent form validation', () => {
  it.each([
    'vastai/base-image:@vastai-automatic-tag',
    'pytorch/pytorch:2.4.0-cuda12.4-cudnn9-runtime',
    'vllm/vllm-openai:latest',
    'ubuntu',
    'ghcr.io/owner/repo:v1.2',
    'registry.example.com:5000/team/app_name:tag-1',
    `nvidia/cuda@sha256:${'a'.repeat(64)}`,
  ])('accepts the image %s', (image) => {
    expect(validateRentDraft(draft({ image }), onDemand).image).toBeUndefined()
  })

  it.each([
    ['Pytorch/Pytorch:latest', 'not a Docker image reference'],
    ['repo:tag:extra', 'not a Docker image reference'],
    ['<script>alert(1)</script>', 'not a Docker image reference'],
    ['repo/', 'not a Docker image reference'],
    ['repo:', 'not a Docker image reference'],
    ['a b', 'cannot contain spaces'],
  ])('refuses the image %j', (image, message) => {
    expect(validateRentDraft(draft({ image }), onDemand).image).toContain(message)
  })

  it.each([
    ['0.001', undefined],
    ['128', undefined],
    ['0.0009', 'between'],
    ['128.01', 'between'],
    ['1e2', 'number of dollars'],
  ])('checks the bid %s against 0.001–128', (bid, message) => {
    const error = validateRentDraft(draft({ bid }), interruptible).bid
    if (message === undefined) expect(error).toBeUndefined()
    else expect(error).toContain(message)
  })

  it.each([
    ['8', undefined],
    ['7', 'at least 8'],
    ['10.5', 'whole number'],
    ['500', 'has 100 GB'],
  ])('checks the disk %s against the range', (disk, message) => {
    const error = validateRentDraft(draft({ disk }), { bid: false, maxDiskGb: 100.4 }).disk
    if (message === undefined) expect(error).toBeUndefined()
    else expect(error).toContain(message)
  })

  it('never throws (or hangs) on any text up to the length limit, and rejects any with spaces', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 1024 }), (text) => {
        isImageReference(`a${'-a'.repeat(300)}${text}`)
        if (/\s/.test(text)) expect(isImageReference(text)).toBe(false)
      }),
    )
  })
})
