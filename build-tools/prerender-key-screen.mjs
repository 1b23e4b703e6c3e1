import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'vite'

/**
 * @param {unknown} value
 * @returns {value is () => unknown}
 */
const isRenderer = (value) => typeof value === 'function'

const ROOT_MARKER = '<div id="root"></div>'
const BOOT_TAG = '<script src="/boot.js"></script>'

/**
 * After the client build, renders the key screen to HTML (src/app/prerender.tsx, built for Node)
 * and puts it inside #root, so a first visit paints without waiting for the script. It is inert
 * until the app replaces it with the same live markup.
 */
/** @returns {import('vite').Plugin} */
export function prerenderKeyScreen() {
  let outDir = ''
  let ssr = false
  return {
    name: 'prerender-key-screen',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir)
      ssr = Boolean(config.build.ssr)
    },
    async closeBundle() {
      if (ssr) return
      // Inside the project, so the Node build resolves react-dom/server from node_modules.
      const work = await mkdtemp(join(process.cwd(), 'node_modules', '.prerender-'))
      try {
        await build({
          logLevel: 'warn',
          build: { ssr: 'src/app/prerender.tsx', outDir: work, emptyOutDir: true },
        })
        /** @type {unknown} */
        const built = await import(pathToFileURL(join(work, 'prerender.js')).href)
        const render =
          typeof built === 'object' && built !== null && 'renderKeyScreen' in built
            ? built.renderKeyScreen
            : null
        if (!isRenderer(render)) throw new Error('prerender.js has no renderKeyScreen')
        const markup = render()
        if (typeof markup !== 'string') throw new Error('renderKeyScreen returned no HTML')
        const file = join(outDir, 'index.html')
        const html = await readFile(file, 'utf8')
        if (!html.includes(ROOT_MARKER)) throw new Error('index.html has no empty #root')
        // The entry starts from boot.js after the first paint (see public/boot.js).
        const entry =
          /<script type="module" crossorigin src="(\/assets\/[^"]+\.js)"><\/script>\s*/.exec(html)
        if (!entry?.[1] || !html.includes(BOOT_TAG)) throw new Error('index.html has no entry')
        await writeFile(
          file,
          html
            .replace(entry[0], '')
            // After the stylesheet: its first frame (and the entry's start) waits for the CSS.
            .replace(BOOT_TAG, '')
            .replace(
              '</head>',
              `  <script src="/boot.js" data-app="${entry[1]}"></script>\n  </head>`,
            )
            .replace(
              ROOT_MARKER,
              `<div id="root"><div data-prerendered inert>${markup}</div></div>`,
            ),
        )
      } finally {
        await rm(work, { recursive: true, force: true })
      }
    },
  }
}
