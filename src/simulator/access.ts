import { AUTH_ERROR_BODY, json, tooFrequent, type SimResponse } from './responses'
import { RATE_LIMITS, type RateLimitKey, type World, anonymousHits, worlds } from './world'

// ─── auth and rate limits ─────────────────────────────────────────────────────────────────────

export type AuthResult = { ok: true; world: World | null } | { ok: false; response: SimResponse }

/**
 * A missing key gets 401 where one is required; a key that is not a registered world (or one
 * revoked by a switch) gets 404 auth_error, as Vast answers a wrong key.
 */
export function authenticate(key: string | null, need: 'required' | 'optional'): AuthResult {
  if (key === null || key.trim() === '') {
    return need === 'optional'
      ? { ok: true, world: null }
      : { ok: false, response: json(401, { ...AUTH_ERROR_BODY }) }
  }
  const world = worlds.get(key.trim())
  if (!world || world.switches.auth === 'revoked')
    return { ok: false, response: json(404, { ...AUTH_ERROR_BODY }) }
  return { ok: true, world }
}

export function rateLimited(endpoint: RateLimitKey): SimResponse {
  const limit = RATE_LIMITS[endpoint]
  const threshold =
    limit.minIntervalMs ?? (limit.window ? limit.window.windowMs / limit.window.count : 1000)
  if (endpoint === 'instance-delete') {
    return json(429, {
      success: false,
      error: 'rate_limit_exceeded',
      msg: `API requests too frequent endpoint threshold=${(threshold / 1000).toFixed(1)}`,
    })
  }
  return tooFrequent(threshold / 1000)
}

/** Null when the call may proceed (and is counted); a 429 otherwise. Anonymous calls share one bucket. */
export function checkRateLimit(world: World | null, endpoint: RateLimitKey): SimResponse | null {
  if (world && world.switches.burst429 > 0) {
    world.switches = { ...world.switches, burst429: world.switches.burst429 - 1 }
    world.rateLimited += 1
    return tooFrequent(1)
  }
  const limited = overLimit(world, endpoint)
  if (limited && world) world.rateLimited += 1
  return limited
}

function overLimit(world: World | null, endpoint: RateLimitKey): SimResponse | null {
  if (world && world.switches.bundles === 'rate_limited' && endpoint === 'bundles')
    return rateLimited(endpoint)
  if (world && !world.switches.rateLimits) return null
  const hits = world ? world.hits : anonymousHits
  const limit = RATE_LIMITS[endpoint]
  const now = Date.now()
  const times = hits.get(endpoint) ?? []
  if (limit.window) {
    const recent = times.filter((t) => t > now - (limit.window?.windowMs ?? 0))
    hits.set(endpoint, recent)
    if (recent.length >= limit.window.count) return rateLimited(endpoint)
    recent.push(now)
    return null
  }
  const last = times.at(-1)
  if (last !== undefined && now - last < (limit.minIntervalMs ?? 0)) return rateLimited(endpoint)
  hits.set(endpoint, [now])
  return null
}
