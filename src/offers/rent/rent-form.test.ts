import { describe, expect, it } from 'vitest'
import { submitApiKey } from '../../api/api-key-store'
import { rentOffer } from '../../api/offers/endpoints'
import { createWorld, requestLog } from '../../simulator/model'
import {
  DEFAULT_IMAGE,
  initialDraft,
  toRentInput,
  validateRentDraft,
  type RentDraft,
} from './rent-form'

const onDemand = { bid: false, maxDiskGb: 500, minBid: 0.2 }
const interruptible = { bid: true, maxDiskGb: 500, minBid: 0.2 }
const draft = (patch: Partial<RentDraft> = {}): RentDraft => ({
  ...initialDraft('0.200'),
  ...patch,
})

describe('validateRentDraft', () => {
  it('accepts the defaults', () => {
    expect(initialDraft('')).toEqual({
      image: DEFAULT_IMAGE,
      disk: '10',
      label: '',
      runtype: 'ssh',
      bid: '',
      env: '',
    })
    expect(validateRentDraft(draft(), onDemand)).toEqual({})
    expect(validateRentDraft(draft(), interruptible)).toEqual({})
  })

  it.each([
    ['', 'Enter a Docker image'],
    ['   ', 'Enter a Docker image'],
    ['pytorch/pytorch latest', 'cannot contain spaces'],
    [`repo/${'x'.repeat(1020)}`, 'at most 1024 characters'],
  ])('rejects the image %j', (image, message) => {
    expect(validateRentDraft(draft({ image }), onDemand).image).toContain(message)
  })

  it.each([
    ['', 'Enter the disk size in GB.'],
    ['7', 'Disk must be at least 8 GB.'],
    ['0', 'Disk must be at least 8 GB.'],
    ['-20', 'Disk must be a whole number of GB.'],
    ['10.5', 'Disk must be a whole number of GB.'],
    ['ten', 'Disk must be a whole number of GB.'],
    ['501', 'This machine has 500 GB of disk available.'],
  ])('rejects the disk %j', (disk, message) => {
    expect(validateRentDraft(draft({ disk }), onDemand).disk).toBe(message)
  })

  it('accepts 8 GB and the whole free disk', () => {
    expect(validateRentDraft(draft({ disk: '8' }), onDemand)).toEqual({})
    expect(validateRentDraft(draft({ disk: '500' }), onDemand)).toEqual({})
    expect(validateRentDraft(draft({ disk: '9000' }), { bid: false })).toEqual({})
  })

  it('limits the label to 256 characters', () => {
    expect(validateRentDraft(draft({ label: 'x'.repeat(256) }), onDemand)).toEqual({})
    expect(validateRentDraft(draft({ label: 'x'.repeat(257) }), onDemand).label).toBe(
      'Label can be at most 256 characters.',
    )
  })

  it('checks the bid only for interruptible rentals', () => {
    expect(validateRentDraft(draft({ bid: '' }), onDemand)).toEqual({})
    expect(validateRentDraft(draft({ bid: '' }), interruptible).bid).toBe('Enter your bid in $/hr.')
    expect(validateRentDraft(draft({ bid: 'cheap' }), interruptible).bid).toContain(
      'must be a number',
    )
    expect(validateRentDraft(draft({ bid: '200' }), { bid: true }).bid).toBe(
      'Bid must be between $0.001 and $128 per hour.',
    )
    expect(validateRentDraft(draft({ bid: '0.0001' }), { bid: true }).bid).toBe(
      'Bid must be between $0.001 and $128 per hour.',
    )
    expect(validateRentDraft(draft({ bid: '0.15' }), interruptible).bid).toBe(
      "Bid must be at least this offer's minimum of $0.200/hr.",
    )
  })
})

describe('toRentInput', () => {
  it('builds the on-demand input without a price', () => {
    expect(
      toRentInput(draft({ label: '  my job ', disk: ' 32 ', runtype: 'jupyter' }), onDemand),
    ).toEqual({
      image: DEFAULT_IMAGE,
      disk: 32,
      label: 'my job',
      runtype: 'jupyter',
    })
  })

  it('sends the bid as price for interruptible rentals', () => {
    expect(toRentInput(draft({ bid: '0.25' }), interruptible)).toMatchObject({ price: 0.25 })
  })

  it('returns null for an invalid draft', () => {
    expect(toRentInput(draft({ disk: '4' }), onDemand)).toBeNull()
  })
})

describe('with a template', () => {
  const VLLM = '4e17788f74f075dd9aab7d0d4427968f'
  const withTemplate = { ...onDemand, templateHashId: VLLM }

  it('starts with no image and the template’s recommended disk (whole GB, at least 8)', () => {
    expect(initialDraft('', { recommendedDiskGb: 60 })).toMatchObject({ image: '', disk: '60' })
    expect(initialDraft('', { recommendedDiskGb: 31.5 }).disk).toBe('32')
    expect(initialDraft('', { recommendedDiskGb: 4 }).disk).toBe('8')
    expect(initialDraft('', { recommendedDiskGb: null })).toMatchObject({ image: '', disk: '10' })
  })

  it('makes the image optional, but still checks one that is typed', () => {
    expect(validateRentDraft(draft({ image: '' }), withTemplate)).toEqual({})
    expect(validateRentDraft(draft({ image: '' }), onDemand).image).toContain(
      'Enter a Docker image',
    )
    expect(validateRentDraft(draft({ image: 'a b' }), withTemplate).image).toContain('spaces')
  })

  it.each([
    ['', { client_id: 'me', template_hash_id: VLLM, disk: 60, env: {}, cancel_unavail: true }],
    [
      ' vllm/vllm-openai:v0.6.3 ',
      {
        client_id: 'me',
        image: 'vllm/vllm-openai:v0.6.3',
        template_hash_id: VLLM,
        disk: 60,
        env: {},
        cancel_unavail: true,
      },
    ],
  ])(
    'sends template_hash_id, no runtype, and the image %j only when typed',
    async (image, sent) => {
      const world = createWorld({ rateLimits: false })
      submitApiKey(world.key, false)
      const offer = [...world.offers.values()].find((o) => o.fields.rentable !== false)
      const input = toRentInput(draft({ image, disk: '60', runtype: 'jupyter' }), withTemplate)
      if (!input || !offer) throw new Error('no input or no offer')
      await rentOffer(offer.id, input)
      const puts = requestLog(world).filter((r) => r.method === 'PUT')
      expect(puts.map((r) => r.body)).toEqual([sent])
    },
  )
})
