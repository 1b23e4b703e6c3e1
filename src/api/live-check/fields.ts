/**
 * Compares the field names Vast sent with the ones a schema describes: which expected fields
 * never came, and which sent fields the app does not know. Names only — never values.
 */
import * as z from 'zod/mini'

/** The object keys a schema describes, looking through pipes, unions and wrappers. */
export function schemaKeys(schema: z.core.$ZodType): string[] {
  const keys = new Set<string>()
  const visit = (s: z.core.$ZodType): void => {
    if (s instanceof z.ZodMiniObject) for (const key of Object.keys(s.shape)) keys.add(key)
    else if (s instanceof z.ZodMiniPipe) visit(s.def.in)
    else if (s instanceof z.ZodMiniUnion) for (const option of s.def.options) visit(option)
    else if (
      s instanceof z.ZodMiniCatch ||
      s instanceof z.ZodMiniOptional ||
      s instanceof z.ZodMiniNullable
    )
      visit(s.def.innerType)
  }
  visit(schema)
  return [...keys].sort()
}

export interface FieldDiff {
  /** Expected fields that no row carried, or "name (k/n)" when only k of n rows lacked them. */
  missing: string[]
  /** Fields some row carried that the schema does not describe. */
  unknown: string[]
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * `known` are the schema's keys plus any the app reads on purpose elsewhere (e.g. a secret it
 * drops). Rows that are not objects are ignored here (they are counted as dropped elsewhere).
 */
export function diffFields(
  expected: readonly string[],
  rows: readonly unknown[],
  alsoKnown: readonly string[] = [],
): FieldDiff {
  const objects = rows.filter(isRecord)
  if (objects.length === 0) return { missing: [], unknown: [] }
  const missing: string[] = []
  for (const key of expected) {
    const lacking = objects.filter((row) => !(key in row)).length
    if (lacking === objects.length) missing.push(key)
    else if (lacking > 0) missing.push(`${key} (${lacking}/${objects.length})`)
  }
  const known = new Set([...expected, ...alsoKnown])
  const sent = new Set(objects.flatMap((row) => Object.keys(row)))
  const unknown = [...sent].filter((key) => !known.has(key)).sort()
  return { missing, unknown }
}
