import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  initialDraft,
  isImageReference,
  parseEnv,
  validateRentDraft,
  type RentContext,
} from './rent-form'

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

describe('environment', () => {
  it('reads variables and port mappings as the object Vast takes', () => {
    expect(
      parseEnv(
        'HF_TOKEN=hf_abc\n# a comment\n\n-e MODEL=a=b\n-p 8000:8000\n-p 8081:8081/udp\n-p 22',
      ),
    ).toEqual({
      env: {
        HF_TOKEN: 'hf_abc',
        MODEL: 'a=b',
        '-p 8000:8000': '1',
        '-p 8081:8081/udp': '1',
        '-p 22': '1',
      },
    })
    expect(parseEnv('')).toEqual({ env: {} })
  })

  it('strips quote characters from both ends of a value, as the vastai CLI does', () => {
    expect(parseEnv('A="x y"\nB=\'z\'\nC="q\nD=\'"mixed"\'\nE=in"side')).toEqual({
      env: { A: 'x y', B: 'z', C: 'q', D: 'mixed', E: 'in"side' },
    })
  })

  it.each([
    ['FOO BAR=1', 'Line 1: write NAME=value'],
    ['1ABC=x', 'Line 1: write NAME=value'],
    ['JUST_A_NAME', 'Line 1: write NAME=value'],
    ['A=1\nA=2', 'Line 2: A is set twice.'],
    ['-p 80:70000', 'Line 1: a port mapping looks like'],
    ['-p abc', 'Line 1: a port mapping looks like'],
    [`TOKEN=${'x'.repeat(257)}`, 'Line 1: the value of TOKEN is over 256 characters.'],
  ])('%j → %j', (text, message) => {
    const parsed = parseEnv(text)
    expect('error' in parsed && parsed.error.startsWith(message)).toBe(true)
  })

  it('refuses an environment over 32,768 characters in all', () => {
    const lines = Array.from({ length: 140 }, (_, i) => `V${i}=${'x'.repeat(250)}`).join('\n')
    expect(parseEnv(lines)).toEqual({ error: 'The environment is over 32,768 characters.' })
  })

  it('a bad environment blocks the rent with its message', () => {
    expect(validateRentDraft(draft({ env: 'NOT VALID' }), onDemand).env).toContain('Line 1')
    expect(validateRentDraft(draft({ env: 'OK=1' }), onDemand).env).toBeUndefined()
  })
})
