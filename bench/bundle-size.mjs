// @ts-check
// Measures the JavaScript a first visit downloads (boot.js, the entry chunk it starts and what
// index.html preloads),
// gzipped, and each lazy chunk. With --check it fails when the initial JS exceeds the budget.
import { readFileSync, readdirSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { join } from 'node:path'

export const INITIAL_JS_BUDGET_KB = 110
const DIST = new URL('../dist/', import.meta.url).pathname

/** @param {string} file */
const gzipKb = (file) => gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length / 1024

export function measureBundle() {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8')
  const initial = new Set(
    [
      // Script tags, preloads, and the entry boot.js starts after the first paint (data-app).
      ...html.matchAll(
        /(?:<script[^>]*\ssrc|<link[^>]*rel="modulepreload"[^>]*href|\sdata-app)="\/([^"]+\.js)"/g,
      ),
    ].map((m) => m[1] ?? ''),
  )
  const all = readdirSync(join(DIST, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => `assets/${f}`)
  const initialKb = [...initial].reduce((sum, f) => sum + gzipKb(f), 0)
  const lazy = all.filter((f) => !initial.has(f)).map((f) => ({ file: f, kb: gzipKb(f) }))
  return { initialFiles: [...initial], initialKb, lazy }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { initialFiles, initialKb, lazy } = measureBundle()
  console.log(
    `initial JS (gzip): ${initialKb.toFixed(1)} KB in ${initialFiles.length} file(s), budget ${INITIAL_JS_BUDGET_KB} KB`,
  )
  for (const chunk of lazy.sort((a, b) => b.kb - a.kb))
    console.log(`  lazy ${chunk.file}: ${chunk.kb.toFixed(1)} KB`)
  if (process.argv.includes('--check') && initialKb > INITIAL_JS_BUDGET_KB) {
    console.error(
      `Initial JS is ${(initialKb - INITIAL_JS_BUDGET_KB).toFixed(1)} KB over the ${INITIAL_JS_BUDGET_KB} KB budget.`,
    )
    process.exit(1)
  }
}
