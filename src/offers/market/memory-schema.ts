/**
 * The whole-memory export's shape, read back with zod/mini: an import is untrusted input, so a
 * malformed machine, model or boot is left out rather than guessed.
 */
import * as z from 'zod/mini'

const finite = z.number().check(z.refine(Number.isFinite))
const bucket = z.object({ n: finite, sum: finite, min: z.nullable(finite) })

export const machineSchema = z.object({
  machineId: finite,
  model: z.string().check(z.maxLength(64)),
  lastSeen: finite,
  sightings: z.array(
    z.object({ at: finite, price: finite, reliability: z.nullable(finite), gpus: finite }),
  ),
})

export const modelSchema = z.object({
  key: z.string().check(z.maxLength(100)),
  model: z.string().check(z.maxLength(64)),
  type: z.string().check(z.maxLength(32)),
  byHour: z.array(bucket).check(z.length(24)),
  byWeekday: z.array(bucket).check(z.length(7)),
})

export const bootSchema = z.object({
  instanceId: finite,
  machineId: z.nullable(finite),
  model: z.string().check(z.maxLength(64)),
  at: finite,
  seconds: finite,
})

/** Each list read row by row: an unreadable row is dropped, the rest kept. */
export function rowsOf<T>(schema: z.ZodMiniType<T>, value: unknown): T[] {
  if (!Array.isArray(value)) return []
  const items: unknown[] = value
  return items.flatMap((item) => {
    const parsed = z.safeParse(schema, item)
    return parsed.success ? [parsed.data] : []
  })
}
