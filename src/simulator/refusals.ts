/**
 * Vast's documented refusals to a key that still works (world switch `refuse`): the 403s of
 * docs yaml/label_instance, yaml/create_instance and yaml/logs, a scoped key without
 * `instance_write` (docs authentication.mdx, permissions.mdx; the body is not documented), and
 * the 401 "Two Factor Authentication" the CLI recognises (cli vastai/cli/main.py).
 * `/users/current/` is never refused: it is how the app tells these from a revoked key.
 */
import type { World } from './model'
import { fail, isRecord, json, type SimResponse } from './responses'

type Method = 'get' | 'post' | 'put' | 'delete'

/** Instance writes: create, manage/label, reboot, destroy (permission `instance_write`). */
const isInstanceWrite = (method: Method, pattern: string) =>
  method !== 'get' &&
  (pattern.startsWith('/api/v0/asks/') || pattern.startsWith('/api/v0/instances/'))

export function refusalFor(
  world: World,
  method: Method,
  pattern: string,
  params: Record<string, string>,
  body: unknown,
): SimResponse | null {
  const refuse = new Set(world.switches.refuse)
  if (refuse.size === 0) return null
  if (
    refuse.has('not_owner') &&
    method === 'put' &&
    pattern === '/api/v0/instances/:id/' &&
    isRecord(body) &&
    'label' in body
  )
    return fail(403, 'not_authorized', 'Not authenticated or not owner of instance')
  if (refuse.has('not_your_offer') && method === 'put' && pattern === '/api/v0/asks/:id/')
    return json(403, {
      success: false,
      error: 'invalid_args',
      msg: `error 403/3586: Offer ${params.id ?? ''} is not your own. Hosts can only rent their own machines.`,
      ask_id: Number(params.id),
    })
  if (refuse.has('logs_not_authorized') && pattern === '/api/v0/instances/request_logs/:id/')
    return fail(403, 'not_authorized', 'Not authorized to view logs for this instance')
  if (refuse.has('two_factor') && isInstanceWrite(method, pattern))
    return fail(401, 'auth_error', 'Two Factor Authentication required for this endpoint.')
  if (refuse.has('scope') && isInstanceWrite(method, pattern))
    return fail(
      403,
      'missing_permissions',
      'This API key does not have the instance_write permission.',
    )
  return null
}
