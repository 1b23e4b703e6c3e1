/**
 * Framework-free responses: the model answers with these, and the MSW handlers turn them into
 * Fetch Responses. Bodies follow Vast's real shapes, including its non-JSON ones.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
export type Row = { [key: string]: Json }

export type SimResponse =
  | {
      status: number
      kind: 'json'
      body: Json
      headers?: Record<string, string>
      /** Held back this long before it is sent (a caller's timeout fires first). */
      delayMs?: number
    }
  | { status: number; kind: 'text' | 'html'; body: string; headers?: Record<string, string> }
  | { status: 0; kind: 'drop' }

/** No answer at all: the connection drops (a network error for the caller). */
export const dropped = (): SimResponse => ({ status: 0, kind: 'drop' })

export const CONTENT_TYPES = {
  json: 'application/json',
  text: 'text/plain; charset=utf-8',
  html: 'text/html; charset=utf-8',
} as const

export const json = (status: number, body: Json): SimResponse => ({ status, kind: 'json', body })

export const ok = (body: Json = { success: true }): SimResponse => json(200, body)

/** Vast's usual error shape: `{success:false, error, msg}`. */
export const fail = (status: number, error: string, msg: string): SimResponse =>
  json(status, { success: false, error, msg })

export const AUTH_ERROR_BODY = {
  success: false,
  error: 'auth_error',
  msg: 'Invalid user key',
} as const

/** What Vast answers when a body is not JSON (or is sent without `Content-Type: application/json`). */
export const invalidJson = (): SimResponse =>
  fail(400, 'invalid_args', 'error 400/1782: Invalid args: invalid json: {}')

function nginxPage(title: string): string {
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`
}

export const badGateway = (): SimResponse => ({
  status: 502,
  kind: 'html',
  body: nginxPage('502 Bad Gateway'),
})

export const movedPermanently = (location: string): SimResponse => ({
  status: 301,
  kind: 'html',
  body: nginxPage('301 Moved Permanently'),
  headers: { location },
})

/** A route the server does not have (e.g. `DELETE /api/v1/instances/{id}/`): a framework 404 page. */
export const routeNotFound = (): SimResponse => ({
  status: 404,
  kind: 'html',
  body: '<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n<p>The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.</p>\n',
})

export const tooFrequent = (thresholdSeconds: number): SimResponse => ({
  status: 429,
  kind: 'text',
  body: `API requests too frequent endpoint threshold=${thresholdSeconds.toFixed(1)}`,
})

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
