/**
 * `npm run check:live`: the read-only check against the real Vast API, from a terminal.
 * Reads VAST_API_KEY (never printed or written) and VAST_API_URL (default
 * https://console.vast.ai, as `npm start` uses it), prints one table and exits 0 (all read),
 * 1 (something did not fit the app's schemas), 2 (no key / bad URL) or 3 (a call failed).
 */
import { pathToFileURL } from 'node:url'
import { upstreamFrom } from '../../../server/proxy.mjs'
import { forgetApiKey, submitApiKey } from '../api-key-store'
import { exitCodeOf, runLiveCheck } from './checks'
import { formatTable } from './format'
import { createTransport } from './transport'

export const NO_KEY_HELP = `VAST_API_KEY is not set.

Create one in the Vast console: Account → API keys, i.e. the Keys page
(https://cloud.vast.ai/manage-keys/): "+New", then copy the key (it is shown once). Then run:

  VAST_API_KEY=<your key> npm run check:live

A read-only scoped key is enough: misc (offer search), user_read (account, SSH keys,
templates), instance_read (instances) and billing_read (charges). Vast's own guide:
https://docs.vast.ai/api-reference/authentication ("Create an API Key").`

/** The API base, read exactly as the app's gateway reads VAST_API_URL (server/proxy.mjs). */
export const apiBase = (value: string | undefined): string => upstreamFrom(value).origin

export async function main(env: NodeJS.ProcessEnv, print: (text: string) => void): Promise<number> {
  const key = env.VAST_API_KEY?.trim()
  if (!key) {
    print(NO_KEY_HELP)
    return 2
  }
  let base: string
  try {
    base = apiBase(env.VAST_API_URL)
  } catch (error) {
    print(error instanceof Error ? error.message : String(error))
    return 2
  }
  // Whatever goes out, the key is never part of it.
  const say = (text: string) => print(text.replaceAll(key, '[key]'))
  say(`Read-only check against ${base} (GET only, plus the offer search's POST)…`)
  submitApiKey(key, false)
  // The check's calls (and only those) go through the read-only transport; nothing is swapped.
  const { fetch: transport, recorder } = createTransport(fetch, base)
  try {
    const rows = await runLiveCheck({ recorder, transport })
    say(formatTable(rows))
    const code = exitCodeOf(rows)
    if (code === 1) say('Some answers did not fit the app’s schemas (see PARSE FAILURE).')
    if (code === 3) say('Some calls failed (see FAILED).')
    return code
  } finally {
    forgetApiKey()
  }
}

// Run when started as a program (`node dist-live/cli.js`), not when imported by tests.
const entry = process.argv[1]
if (entry && import.meta.url === pathToFileURL(entry).href) {
  main(process.env, (text) => console.log(text)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error))
      process.exit(3)
    },
  )
}
