import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

/**
 * The code that gives cached answers their shape: the API layer (schemas, endpoints, query
 * factories) and the offer search's answer and filters. Answers kept on the device by one build
 * are read back by a later build only when none of these changed.
 */
const SHAPING = ['src/api', 'src/offers/offer-search.ts', 'src/offers/filters/offer-filters.ts']

/** @param {string} path @returns {string[]} */
function sourcesUnder(path) {
  if (!statSync(path).isDirectory()) return [path]
  return readdirSync(path, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(ts|tsx|json)$/.test(file) && !/\.test\.tsx?$/.test(file))
    .sort()
    .map((file) => join(path, file))
}

/** A short hash of the shaping code, for `import.meta.env.VITE_DATA_FORMAT`. */
export function dataFormat(root = '.') {
  const hash = createHash('sha256')
  for (const file of SHAPING.flatMap((path) => sourcesUnder(join(root, path)))) {
    hash.update(file)
    hash.update(readFileSync(file))
  }
  return hash.digest('hex').slice(0, 12)
}
