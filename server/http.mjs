// @ts-check
// What the gateway's handlers share: one JSON error shape (never cached), and body reads that
// stop at a byte cap instead of holding whatever the other side sends.

/**
 * Answers `{ success: false, error, msg }` with `Cache-Control: no-store`. When an answer has
 * already begun, the connection is cut instead (a half-sent body must not look complete).
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {string} error
 * @param {string} msg
 * @param {Record<string, string>} [headers]
 */
export function sendError(res, status, error, msg, headers = {}) {
  if (res.headersSent) {
    res.destroy()
    return
  }
  // A request body not read yet is read and dropped, so a client still sending it reads this
  // answer rather than a reset connection.
  if (!res.req.complete) res.req.resume()
  res.writeHead(status, {
    'content-type': 'application/json',
    'cache-control': 'no-store',
    ...headers,
  })
  res.end(JSON.stringify({ success: false, error, msg }))
}

/**
 * Reads a fetch body into memory, at most `max` bytes: past the cap it cancels the stream (the
 * rest is never downloaded) and answers null. A declared Content-Length over the cap is refused
 * before reading. Rejects with the fetch signal's reason when it fires mid-body.
 * @param {Response} response
 * @param {number} max
 * @returns {Promise<Buffer | null>}
 */
export async function readCapped(response, max) {
  const declared = Number(response.headers.get('content-length') ?? 0)
  if (!response.body) return Buffer.alloc(0)
  const reader = response.body.getReader()
  if (declared > max) {
    await reader.cancel().catch(() => undefined)
    return null
  }
  /** @type {Uint8Array[]} */
  const chunks = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > max) {
      await reader.cancel().catch(() => undefined)
      return null
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks, size)
}

/** How much of an oversized request body is read (and dropped) so the error can be delivered. */
const DRAIN_FACTOR = 16

/**
 * Reads a request body of at most `max` bytes. An oversized body answers null once the client
 * has finished sending (its bytes are dropped as they arrive, so memory stays bounded), so the
 * client reads the 413 instead of a reset connection. Past DRAIN_FACTOR × max the connection is
 * cut.
 * @param {import('node:http').IncomingMessage} req
 * @param {number} max
 * @returns {Promise<Buffer | null>}
 */
export function readRequestBody(req, max) {
  return new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const chunks = []
    let size = 0
    req.on('data', (/** @type {Buffer} */ chunk) => {
      size += chunk.length
      if (size > max * DRAIN_FACTOR) {
        req.destroy()
        reject(new Error('request body far too large'))
        return
      }
      if (size > max) chunks.length = 0
      else chunks.push(chunk)
    })
    req.on('end', () => resolve(size > max ? null : Buffer.concat(chunks, size)))
    req.on('error', reject)
  })
}
