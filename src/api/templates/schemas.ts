import * as z from 'zod/mini'
import { optBool, optNumber, optString, trimmed } from '../parse'

export const templateSchema = z.looseObject({
  id: z.number().check(z.int()),
  /** What a rental names (`template_hash_id`). Changes on every edit of the template. */
  hash_id: trimmed.check(z.minLength(1)),
  name: optString,
  /** The repository; the tag is separate (`tag`). */
  image: optString,
  tag: optString,
  desc: optString,
  creator_id: optNumber,
  private: optBool,
  recommended: optBool,
  recommended_disk_space: optNumber,
  /** Unix seconds as a float (reference §8.5). */
  created_at: optNumber,
  count_created: optNumber,
  use_ssh: optBool,
  ssh_direct: optBool,
  jup_direct: optBool,
  runtype: optString,
  /** Docker flags as one string ("-e A=1 -p 8000:8000"), as templates store it. */
  env: optString,
  onstart: optString,
})
export type Template = z.infer<typeof templateSchema>

export const templatesEnvelopeSchema = z.object({
  templates: z.array(z.unknown()),
  templates_found: optNumber,
})
