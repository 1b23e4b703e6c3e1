/**
 * The rent dialog's form: the user's choices as typed, their validation, and the RentInput they
 * become. Limits follow the reference §4.1.
 */
import type { RentInput } from '../../api/offers/endpoints'
import { DEFAULT_DISK_GB } from '../filters/offer-filters'
import { formatRate } from '../../domain/format'
import { parseBid } from '../../domain/money/rent-cost'

export { parseBid }

export const DEFAULT_IMAGE = 'vastai/base-image:@vastai-automatic-tag'
export const MIN_DISK_GB = 8
export const MAX_IMAGE_LENGTH = 1024
export const MAX_LABEL_LENGTH = 256
export const MIN_BID = 0.001
export const MAX_BID = 128

export interface RentDraft {
  image: string
  disk: string
  label: string
  runtype: RentInput['runtype']
  /** Only used for interruptible rentals. */
  bid: string
  /** Environment as typed: one `NAME=value` or `-p host:container[/udp]` a line. */
  env: string
}

export type RentField = 'image' | 'disk' | 'label' | 'bid' | 'env'
export type RentErrors = Partial<Record<RentField, string>>

export interface RentContext {
  /** Interruptible: a bid is required and sent as `price`. */
  bid: boolean
  /** GB of disk the machine has free, when known. */
  maxDiskGb?: number | null
  /** The offer's minimum bid in $/hr, when known. */
  minBid?: number | null
  /** Renting with this template: the image becomes optional (it overrides the template's). */
  templateHashId?: string | null
}

/**
 * With a template the image starts empty (the template's applies) and the disk at the
 * template's recommended size, when it gives one.
 */
export function initialDraft(
  bid: string,
  template?: { recommendedDiskGb: number | null } | null,
): RentDraft {
  return {
    disk: String(DEFAULT_DISK_GB),
    label: '',
    runtype: 'ssh',
    bid,
    env: '',
    ...withTemplate(template),
  }
}

/**
 * What choosing a template (or none) changes in the form: the image (empty: the template's
 * applies; none: the default image) and the disk, when the template recommends a size.
 */
export function withTemplate(
  template: { recommendedDiskGb: number | null } | null | undefined,
): Pick<RentDraft, 'image'> & Partial<Pick<RentDraft, 'disk'>> {
  if (!template) return { image: DEFAULT_IMAGE }
  const recommended = template.recommendedDiskGb
  return recommended
    ? { image: '', disk: String(Math.max(MIN_DISK_GB, Math.ceil(recommended))) }
    : { image: '' }
}

/**
 * Docker's reference grammar, `[registry[:port]/]path[:tag][@digest]`, plus Vast's
 * `:@vastai-automatic-tag` (the template picks the tag). Path components are lowercase.
 */
const IMAGE_REFERENCE = new RegExp(
  [
    '^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?/)?',
    '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*',
    '(?::(?:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}|@vastai-automatic-tag))?',
    '(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$',
  ].join(''),
)

export const isImageReference = (text: string): boolean => IMAGE_REFERENCE.test(text)

/** Disk in GB when the text is a valid whole number, else null. */
export function parseDisk(text: string): number | null {
  const clean = text.trim()
  return /^\d+$/.test(clean) ? Number(clean) : null
}

/** Vast's limits on `env` (reference §4.1): per variable, and for the whole object. */
export const MAX_ENV_VALUE = 256
export const MAX_ENV_TOTAL = 32_768
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/
const PORT_MAPPING = /^-p\s+(?:(\d{1,5}):)?(\d{1,5})(\/(?:tcp|udp))?$/

const validPort = (text: string | undefined) =>
  text === undefined || (Number(text) >= 1 && Number(text) <= 65_535)

/**
 * The environment box: one `NAME=value` (a leading `-e ` is accepted) or a port mapping
 * `-p 8080:8080` / `-p 8081:8081/udp` a line; blank lines and `#` comments are skipped. Vast
 * takes `env` as an object whose port keys map to "1" (reference §4.1). Each bad line gets its
 * own message, naming the line.
 */
export function parseEnv(text: string): { env: Record<string, string> } | { error: string } {
  const env: Record<string, string> = {}
  const lines = text.split('\n')
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim()
    if (line === '' || line.startsWith('#')) continue
    const where = `Line ${index + 1}`
    if (line.startsWith('-p')) {
      const port = PORT_MAPPING.exec(line)
      if (!port || !validPort(port[1]) || !validPort(port[2]))
        return {
          error: `${where}: a port mapping looks like -p 8080:8080 or -p 8081:8081/udp (ports 1–65535).`,
        }
      const key = `-p ${port[1] ? `${port[1]}:` : ''}${port[2]}${port[3] ?? ''}`
      if (key in env) return { error: `${where}: ${key} is listed twice.` }
      env[key] = '1'
      continue
    }
    const assignment = line.replace(/^-e\s+/, '')
    const eq = assignment.indexOf('=')
    const name = eq < 0 ? assignment : assignment.slice(0, eq).trim()
    if (eq < 0 || !ENV_NAME.test(name))
      return {
        error: `${where}: write NAME=value; a name has letters, digits and _ and does not start with a digit.`,
      }
    // As the vastai CLI's parse_env: every quote character at either end goes, matched or not.
    const value = assignment.slice(eq + 1).replace(/^['"]+|['"]+$/g, '')
    if (name in env) return { error: `${where}: ${name} is set twice.` }
    if (value.length > MAX_ENV_VALUE)
      return { error: `${where}: the value of ${name} is over ${MAX_ENV_VALUE} characters.` }
    env[name] = value
  }
  if (JSON.stringify(env).length > MAX_ENV_TOTAL)
    return { error: `The environment is over ${MAX_ENV_TOTAL.toLocaleString('en-US')} characters.` }
  return { env }
}

export function validateRentDraft(draft: RentDraft, context: RentContext): RentErrors {
  const errors: RentErrors = {}

  const image = draft.image.trim()
  // With a template an empty image is fine: the template's applies.
  if (image === '') {
    if (!context.templateHashId)
      errors.image = 'Enter a Docker image, for example vastai/base-image:@vastai-automatic-tag.'
  } else if (/\s/.test(image)) errors.image = 'The image reference cannot contain spaces.'
  else if (image.length > MAX_IMAGE_LENGTH)
    errors.image = `The image reference can be at most ${MAX_IMAGE_LENGTH} characters.`
  else if (!isImageReference(image))
    errors.image =
      'This is not a Docker image reference. Use a form like pytorch/pytorch:2.4.0-cuda12.4-cudnn9-runtime.'

  const diskText = draft.disk.trim()
  const disk = parseDisk(diskText)
  if (diskText === '') errors.disk = 'Enter the disk size in GB.'
  else if (disk === null) errors.disk = 'Disk must be a whole number of GB.'
  else if (disk < MIN_DISK_GB) errors.disk = `Disk must be at least ${MIN_DISK_GB} GB.`
  else if (context.maxDiskGb != null && disk > Math.floor(context.maxDiskGb)) {
    errors.disk = `This machine has ${Math.floor(context.maxDiskGb)} GB of disk available.`
  }

  if (draft.label.trim().length > MAX_LABEL_LENGTH) {
    errors.label = `Label can be at most ${MAX_LABEL_LENGTH} characters.`
  }

  const env = parseEnv(draft.env)
  if ('error' in env) errors.env = env.error

  if (context.bid) {
    const bidText = draft.bid.trim()
    const bid = parseBid(bidText)
    if (bidText === '') errors.bid = 'Enter your bid in $/hr.'
    else if (bid === null) errors.bid = 'Bid must be a number of dollars per hour, such as 0.250.'
    else if (bid < MIN_BID || bid > MAX_BID)
      errors.bid = `Bid must be between $${MIN_BID} and $${MAX_BID} per hour.`
    else if (context.minBid != null && bid < context.minBid) {
      errors.bid = `Bid must be at least this offer's minimum of ${formatRate(context.minBid)}.`
    }
  }

  return errors
}

export const hasErrors = (errors: RentErrors) => Object.keys(errors).length > 0

/** The RentInput for a valid draft (call validateRentDraft first). */
export function toRentInput(draft: RentDraft, context: RentContext): RentInput | null {
  if (hasErrors(validateRentDraft(draft, context))) return null
  const disk = parseDisk(draft.disk)
  if (disk === null) return null
  const input: RentInput = { disk, runtype: draft.runtype }
  const image = draft.image.trim()
  if (image) input.image = image
  if (context.templateHashId) input.templateHashId = context.templateHashId
  const label = draft.label.trim()
  if (label) input.label = label
  const env = parseEnv(draft.env)
  if ('error' in env) return null
  if (Object.keys(env.env).length > 0) input.env = env.env
  if (context.bid) {
    const price = parseBid(draft.bid)
    if (price === null) return null
    input.price = price
  }
  return input
}
