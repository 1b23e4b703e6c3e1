/**
 * The schema helpers every resource's `schemas.ts` is built from. Parsing is lenient (unknown keys
 * kept, nulls allowed, numeric strings accepted, strings trimmed) except where money or identity
 * is concerned; each resource's schemas drop the secrets the API echoes.
 */
import * as z from 'zod/mini'

const finite = z.number().check(z.refine(Number.isFinite))
/** A number, or a numeric string as Vast sometimes sends (e.g. `HostPort`). Never coerces null or "",
 * and a string too large for a double ("1e400") fails like any other unreadable value. */
export const numeric = z.union([
  finite,
  z.pipe(
    z.pipe(
      z.string().check(z.trim(), z.regex(/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/)),
      z.transform(Number),
    ),
    finite,
  ),
])

/** An optional number: a value that cannot be read becomes null instead of failing the row. */
export const optNumber = z.catch(z.nullish(numeric), null)
export const trimmed = z.string().check(z.trim())
export const optString = z.catch(z.nullish(trimmed), null)
/** Booleans arrive as true/false or 0/1. */
export const optBool = z.catch(
  z.nullish(
    z.union([
      z.boolean(),
      z.pipe(
        z.union([z.literal(0), z.literal(1)]),
        z.transform((v) => v === 1),
      ),
    ]),
  ),
  null,
)

export const successSchema = z.looseObject({ success: z.optional(z.boolean()), msg: optString })

/** Error bodies come in several shapes; all are read into `{error, msg}`. */
export const errorBodySchema = z.looseObject({
  success: z.optional(z.unknown()),
  error: z.catch(z.optional(z.string()), undefined),
  msg: z.catch(z.optional(z.string()), undefined),
  message: z.catch(z.optional(z.string()), undefined),
  detail: z.catch(z.optional(z.string()), undefined),
})

/** Parses a list row by row: a malformed row is dropped and counted, never shown with guessed values. */
export function parseRows<T>(
  schema: z.ZodMiniType<T>,
  rows: readonly unknown[],
): { rows: T[]; dropped: number } {
  const out: T[] = []
  let dropped = 0
  for (const row of rows) {
    const result = z.safeParse(schema, row)
    if (result.success) out.push(result.data)
    else dropped += 1
  }
  return { rows: out, dropped }
}

/** parseRows for a list the user sees: rows left out are reported in the console under `what`. */
export function readListRows<T>(
  schema: z.ZodMiniType<T>,
  rows: readonly unknown[],
  what: string,
): { rows: T[]; dropped: number } {
  const parsed = parseRows(schema, rows)
  if (parsed.dropped > 0)
    console.warn(`${what}: ${parsed.dropped} row(s) could not be read and were left out.`)
  return parsed
}
