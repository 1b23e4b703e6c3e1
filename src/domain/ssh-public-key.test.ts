import { describe, expect, it, vi } from 'vitest'
import * as z from 'zod/mini'
import SAMPLE_KEYS from '../api/fixtures/ssh-keys.json'
import { checkPublicKey, describeKey, PUBLIC_KEY_MAX, sameKey } from './ssh-public-key'
import { readSshKeyRows } from '../api/ssh-keys/endpoints'
import { sshKeysEnvelopeSchema } from '../api/ssh-keys/schemas'

const { laptop: ED25519, ci: ECDSA, desk: OTHER } = SAMPLE_KEYS

const read = (json: unknown) => readSshKeyRows(z.parse(sshKeysEnvelopeSchema, json))

describe('checkPublicKey', () => {
  it('accepts one OpenSSH public key, with or without a comment and surrounding blanks', () => {
    expect(checkPublicKey(ED25519)).toBeNull()
    expect(checkPublicKey(`\n  ${ECDSA}\n`)).toBeNull()
    expect(checkPublicKey(ED25519.replace(' laptop@home', ''))).toBeNull()
  })

  it.each([
    ['empty', '   ', 'Paste a public key: the contents of a .pub file, one line.'],
    [
      'a private key',
      '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----',
      'That is a private key. Paste the public key (the .pub file) — never share the private one.',
    ],
    [
      'an RSA private key',
      '-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----',
      'That is a private key. Paste the public key (the .pub file) — never share the private one.',
    ],
    [
      'two keys on two lines',
      `${ED25519}\n${OTHER}`,
      'That looks like several keys. Paste one key at a time.',
    ],
    [
      'two keys on one line',
      `${ED25519} ${OTHER}`,
      'That looks like several keys. Paste one key at a time.',
    ],
    [
      'an SSH2-format key',
      '---- BEGIN SSH2 PUBLIC KEY ----\nAAAAC3NzaC1lZDI1NTE5\n---- END SSH2 PUBLIC KEY ----',
      'That key is in SSH2 (PuTTY) format. Paste the one-line OpenSSH form (ssh-keygen -i -f key.pub prints it).',
    ],
    [
      'an unknown type',
      'ssh-dss AAAAB3NzaC1kc3MAAACBAP me@old',
      'Unknown key type "ssh-dss". Use ssh-ed25519, ssh-rsa, ecdsa-sha2-nistp256/384/521 or a security-key type (sk-…@openssh.com).',
    ],
    [
      'a body that is not base64',
      'ssh-ed25519 not*base64! me@host',
      'The key is incomplete or damaged (its body is not valid base64 for its type). Copy the whole line from the .pub file.',
    ],
    [
      'a truncated body',
      ED25519.slice(0, 40),
      'The key is incomplete or damaged (its body is not valid base64 for its type). Copy the whole line from the .pub file.',
    ],
    [
      'a body of another type',
      ED25519.replace('ssh-ed25519', 'ssh-rsa'),
      'The key is incomplete or damaged (its body is not valid base64 for its type). Copy the whole line from the .pub file.',
    ],
    [
      'too long',
      `${ED25519.split(' ').slice(0, 2).join(' ')} ${'x'.repeat(PUBLIC_KEY_MAX)}`,
      `That is too long for a public key (at most ${PUBLIC_KEY_MAX} characters).`,
    ],
  ])('refuses %s', (_case, text, message) => {
    expect(checkPublicKey(text)).toBe(message)
  })
})

describe('describeKey and sameKey', () => {
  it('shows type, comment and the last 12 characters of the body', () => {
    expect(describeKey(ED25519)).toEqual({
      type: 'ssh-ed25519',
      comment: 'laptop@home',
      tail: 'zjwVr4kWmZvihX'.slice(-12),
      name: 'laptop@home',
    })
    expect(describeKey(ED25519.replace(' laptop@home', '')).name).toBe('ssh-ed25519 …wVr4kWmZvihX')
  })

  it('treats keys with the same type and body as one key, whatever their comments', () => {
    expect(sameKey(ED25519, ED25519.replace('laptop@home', 'other'))).toBe(true)
    expect(sameKey(ED25519, OTHER)).toBe(false)
  })
})

describe('the account key list parser', () => {
  it('reads the DOCS bare array (field `key`, ISO created_at) and leaves deleted keys out', () => {
    const list = read([
      { id: 7, user_id: 1, key: ED25519, created_at: '2026-08-01T10:00:00Z', deleted_at: null },
      {
        id: 8,
        user_id: 1,
        key: OTHER,
        created_at: '2026-08-02T10:00:00Z',
        deleted_at: '2026-08-03',
      },
    ])
    expect(list).toEqual({
      keys: [{ id: 7, publicKey: ED25519, createdAt: Date.UTC(2026, 7, 1, 10), deleted: false }],
      dropped: 0,
    })
  })

  it('reads the CLI envelope (field `ssh_key`, no date) and `public_key` rows', () => {
    const list = read({
      ssh_keys: [
        { id: 1, ssh_key: ED25519 },
        { id: '2', public_key: ECDSA },
      ],
    })
    expect(list.keys.map((k) => [k.id, describeKey(k.publicKey).name, k.createdAt])).toEqual([
      [1, 'laptop@home', null],
      [2, 'ci@build', null],
    ])
  })

  it('reads created_at given as epoch seconds, as a number or a numeric string', () => {
    const list = read([
      { id: 1, key: ED25519, created_at: 1_785_000_000 },
      { id: 2, key: OTHER, created_at: '1785000000.5' },
      { id: 3, key: ECDSA, created_at: 'not a date' },
    ])
    expect(list.keys.map((k) => k.createdAt)).toEqual([1_785_000_000_000, 1_785_000_000_500, null])
  })

  it('counts unreadable rows instead of failing the list', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const list = read([
      { id: 1, key: ED25519 },
      { id: 2 },
      { key: OTHER },
      { id: 'x', key: OTHER },
      'ssh-ed25519 AAAA',
      null,
    ])
    expect(list.keys.map((k) => k.id)).toEqual([1])
    expect(list.dropped).toBe(5)
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('5 row(s)'))
  })

  it('fails only when the envelope itself is unreadable', () => {
    expect(() => z.parse(sshKeysEnvelopeSchema, { keys: [] })).toThrow()
    expect(() => z.parse(sshKeysEnvelopeSchema, 'oops')).toThrow()
    expect(read({ ssh_keys: JSON.stringify([{ id: 4, key: ED25519 }]) }).keys).toHaveLength(1)
  })
})
