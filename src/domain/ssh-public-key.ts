/**
 * OpenSSH public-key text: checked before anything is sent (a pasted private key never leaves
 * the browser), shown compactly and compared by type and body.
 */

/** Key types Vast's hosts accept in authorized_keys (OpenSSH's current set). */
export const KEY_TYPES = [
  'ssh-ed25519',
  'ssh-rsa',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp521',
  'sk-ssh-ed25519@openssh.com',
  'sk-ecdsa-sha2-nistp256@openssh.com',
] as const

/** A 16384-bit RSA key is about 2,800 characters; anything far beyond is not one key. */
export const PUBLIC_KEY_MAX = 8_192

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/

/**
 * The key blob is a run of length-prefixed strings, the first naming the type. Reads it whole:
 * a cut or damaged body does not end exactly at a string's end. Answers the type, or null.
 */
function blobType(body: string): string | null {
  let bytes: string
  try {
    bytes = atob(body)
  } catch {
    return null
  }
  const fields: string[] = []
  for (let at = 0; at < bytes.length;) {
    if (at + 4 > bytes.length) return null
    const length =
      bytes.charCodeAt(at) * 2 ** 24 +
      (bytes.charCodeAt(at + 1) << 16) +
      (bytes.charCodeAt(at + 2) << 8) +
      bytes.charCodeAt(at + 3)
    at += 4
    if (at + length > bytes.length) return null
    fields.push(fields.length === 0 ? bytes.slice(at, at + length) : '')
    at += length
  }
  return fields.length >= 2 ? (fields[0] ?? null) : null
}

/**
 * Why this text is not one OpenSSH public key, or null when it is. Checked before anything is
 * sent, so a pasted private key never leaves the browser.
 */
export function checkPublicKey(text: string): string | null {
  const trimmed = text.trim()
  if (trimmed === '') return 'Paste a public key: the contents of a .pub file, one line.'
  if (/-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----|^PuTTY-User-Key-File-/m.test(trimmed))
    return 'That is a private key. Paste the public key (the .pub file) — never share the private one.'
  if (/^---- BEGIN SSH2 PUBLIC KEY ----/.test(trimmed))
    return 'That key is in SSH2 (PuTTY) format. Paste the one-line OpenSSH form (ssh-keygen -i -f key.pub prints it).'
  const lines = trimmed.split(/\r?\n/).filter((line) => line.trim() !== '')
  const words = trimmed.split(/\s+/)
  if (lines.length > 1 || words.filter((w) => KEY_TYPES.some((t) => t === w)).length > 1)
    return 'That looks like several keys. Paste one key at a time.'
  if (trimmed.length > PUBLIC_KEY_MAX)
    return `That is too long for a public key (at most ${PUBLIC_KEY_MAX} characters).`
  const [type = '', body = ''] = words
  if (!KEY_TYPES.some((t) => t === type))
    return `Unknown key type "${type.slice(0, 40)}". Use ssh-ed25519, ssh-rsa, ecdsa-sha2-nistp256/384/521 or a security-key type (sk-…@openssh.com).`
  if (body === '' || body.length % 4 !== 0 || !BASE64.test(body) || blobType(body) !== type)
    return 'The key is incomplete or damaged (its body is not valid base64 for its type). Copy the whole line from the .pub file.'
  return null
}

export interface KeyDisplay {
  type: string
  /** The comment after the body (often user@host), or null. */
  comment: string | null
  /** The last 12 characters of the body: enough to tell keys apart. */
  tail: string
  /** A short name: the comment, or the type and tail. */
  name: string
}

/** A compact form of a public key for lists and button names. */
export function describeKey(publicKey: string): KeyDisplay {
  const [type = '', body = '', ...rest] = publicKey.trim().split(/\s+/)
  const comment = rest.join(' ').trim() || null
  const tail = body.slice(-12)
  return { type, comment, tail, name: comment ?? `${type} …${tail}` }
}

/** Two keys are the same key when type and body match (comments differ freely). */
export function sameKey(a: string, b: string): boolean {
  const [ta, ba] = a.trim().split(/\s+/)
  const [tb, bb] = b.trim().split(/\s+/)
  return ta === tb && ba === bb
}
