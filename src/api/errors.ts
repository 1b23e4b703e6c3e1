/** Every failure of an API call becomes one ApiError with a kind the UI can act on. */
export type ApiErrorKind =
  | 'auth'
  | 'rate_limited'
  | 'not_found'
  | 'offer_gone'
  | 'deprecated'
  | 'validation'
  | 'server'
  | 'network'
  | 'parse'

export interface ApiErrorInit {
  status?: number
  /** Vast's machine-readable `error` code, when the body carried one. */
  code?: string
  /** Developer detail (never shown as the main message, never holds the key). */
  detail?: string
  cause?: unknown
}

export class ApiError extends Error {
  readonly kind: ApiErrorKind
  readonly status: number | undefined
  readonly code: string | undefined
  readonly detail: string | undefined

  constructor(kind: ApiErrorKind, message: string, init: ApiErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause })
    this.name = 'ApiError'
    this.kind = kind
    this.status = init.status
    this.code = init.code
    this.detail = init.detail
  }
}

export const isApiError = (value: unknown): value is ApiError => value instanceof ApiError

/** What the body of a failed response told us, whatever its format. */
export interface ErrorBody {
  error?: string
  msg?: string
  /** Raw text of a non-JSON body (HTML 502, plain-text 429), shortened. */
  text?: string
}

export const AUTH_MESSAGE =
  'Vast rejected the API key. Check that it is current and has the permissions misc, user_read, instance_read and instance_write.'

/** Router text ("no route GET /api/v0/ssh/") means Vast has no such endpoint for this call. */
const NO_ROUTE = /^no route\b/i
const NO_ROUTE_MESSAGE =
  'Vast does not offer this request (it has no endpoint for it); it may have moved or be unavailable for this account.'

/**
 * Strips Vast's internal prefix ("error 404/3603: ") so the message reads well, and turns
 * routing text meant for developers into a sentence (the raw text stays in `detail`).
 */
export function cleanMessage(msg: string): string {
  const said = msg.replace(/^error \d{3}\/\d+:\s*/i, '').trim()
  return NO_ROUTE.test(said) ? NO_ROUTE_MESSAGE : said
}

function textSummary(text: string): string {
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1]
  const plain = cleanMessage((title ?? text.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' '))
  return plain.length > 160 ? `${plain.slice(0, 157)}…` : plain
}

/** A 401 that asks for a two-factor session: the key is fine (cli vastai/cli/main.py). */
export const isTwoFactorRequired = (error: ApiError): boolean =>
  error.status === 401 && /two factor authentication/i.test(error.detail ?? '')

/**
 * A 401/403 is not always a bad key (docs authentication.mdx: also a scoped key without the
 * permission; 403 "not owner of instance", "not your own" offer, logs `not_authorized`). The
 * message keeps Vast's own words; only "Invalid user key" (or no words) gets the key message.
 * Whether the key itself was rejected is confirmed separately (`confirmKeyRejected`).
 */
function authMessage(status: number, said: string): string {
  if (status === 401 && /two factor authentication/i.test(said))
    return `This needs a Vast two-factor (2FA) session, which an API key here cannot open: ${said}`
  if (said === '' || /invalid user key|^(forbidden|unauthorized)\.?$/i.test(said))
    return AUTH_MESSAGE
  return `Vast refused this: ${said}`
}

export function isAuthFailure(status: number, body: ErrorBody): boolean {
  if (status === 401 || status === 403) return true
  if (status >= 400 && status < 500) {
    return body.error === 'auth_error' || /invalid user key/i.test(body.msg ?? '')
  }
  return false
}

/** Maps a failed response (status + whatever body it had) to an ApiError. */
export function errorFromStatus(status: number, body: ErrorBody): ApiError {
  const init = { status, code: body.error, detail: body.text ?? body.msg }
  const said = body.msg ? cleanMessage(body.msg) : body.text ? textSummary(body.text) : ''
  if (isAuthFailure(status, body))
    return new ApiError('auth', authMessage(status, body.msg ? cleanMessage(body.msg) : ''), init)
  if (status === 429) {
    return new ApiError(
      'rate_limited',
      'Vast is limiting how often this can be asked (too many requests). Nothing was done; try again in a few seconds.',
      init,
    )
  }
  if (status === 410 && body.error === 'deprecated_endpoint') {
    return new ApiError('deprecated', said || 'This Vast endpoint is deprecated.', init)
  }
  if (status === 404 || status === 410) {
    return new ApiError('not_found', said || 'Vast could not find that.', init)
  }
  if (status >= 500) {
    return new ApiError(
      'server',
      `Vast answered with a server error (${status})${said ? `: ${said}` : '.'}`,
      init,
    )
  }
  if (status >= 300 && status < 400) {
    return new ApiError(
      'server',
      `Vast answered with an unexpected redirect (${status})${said ? `: ${said}` : '.'}`,
      init,
    )
  }
  return new ApiError('validation', said || `Vast refused the request (${status}).`, init)
}
