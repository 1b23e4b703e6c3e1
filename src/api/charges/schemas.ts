/**
 * `GET /api/v0/charges/` (docs: show_charges.yaml; CLI: `show invoices-v1 --charges`). One row per
 * contract over the asked `day` range, with a per-kind breakdown in `items` (gpu, disk, bwu, bwd).
 * Amounts may arrive as numbers or numeric strings; a row without a readable amount is dropped.
 */
import * as z from 'zod/mini'
import { numeric, optNumber, optString, trimmed } from '../parse'

export const chargeItemSchema = z.looseObject({
  type: z.catch(trimmed, 'other'),
  amount: numeric,
  start: optNumber,
  end: optNumber,
  description: optString,
})
export type ChargeItem = z.infer<typeof chargeItemSchema>

export const chargeRowSchema = z.looseObject({
  /** Unix seconds (UTC); the docs type it integer, the CLI accepts any timestamp. */
  start: optNumber,
  end: optNumber,
  /** `instance`, `volume` or (tree format) `serverless`. */
  type: z.catch(trimmed, 'instance'),
  /** `{type}-{id}`, e.g. `instance-12345678`. */
  source: optString,
  description: optString,
  amount: numeric,
  metadata: z.catch(
    z.nullish(
      z.looseObject({
        template_id: optNumber,
        label: optString,
        endpoint_id: optNumber,
        workergroup_id: optNumber,
      }),
    ),
    null,
  ),
  items: z.catch(z.nullish(z.array(z.unknown())), null),
})
export type ChargeRow = z.infer<typeof chargeRowSchema>
