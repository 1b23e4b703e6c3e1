import { defineConfig, type Plugin } from 'vite'
import react from '@vitejs/plugin-react'
import tailwindcss from '@tailwindcss/vite'
import { createApiProxy, upstreamFrom } from './server/proxy.mjs'
import { createLogProxy, logPrefixesFrom } from './server/log-proxy.mjs'
import { SECURITY_HEADERS } from './server/headers.mjs'
import { prerenderKeyScreen } from './build-tools/prerender-key-screen.mjs'
import { dataFormat } from './build-tools/data-format.mjs'

/** The same API gateway `npm start` uses, mounted into Vite's dev server. */
function vastApiGateway(): Plugin {
  return {
    name: 'vast-api-gateway',
    configureServer(server) {
      const proxy = createApiProxy(upstreamFrom(process.env.VAST_API_URL))
      const logProxy = createLogProxy(logPrefixesFrom(process.env.VAST_LOG_URL_PREFIX))
      server.middlewares.use((req, res, next) => {
        proxy(req, res)
          .then((handled) => handled || logProxy(req, res))
          .then((handled) => {
            if (!handled) next()
          }, next)
      })
    },
  }
}

export default defineConfig({
  plugins: [react(), tailwindcss(), vastApiGateway(), prerenderKeyScreen()],
  // Answers kept on the device are read back only by a build that shapes them the same way.
  define: { 'import.meta.env.VITE_DATA_FORMAT': JSON.stringify(dataFormat()) },
  server: {
    host: process.env.HOST ?? '127.0.0.1',
    port: Number(process.env.PORT ?? 5173),
    headers: {
      'referrer-policy': SECURITY_HEADERS['referrer-policy'] ?? 'no-referrer',
      'x-content-type-options': 'nosniff',
    },
  },
  build: {
    target: 'es2022',
    sourcemap: false,
  },
})
