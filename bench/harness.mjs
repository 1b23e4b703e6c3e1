// @ts-check
// Shared by the benchmarks: start the simulator and the app (as `npm start` serves it) on spare
// loopback ports, launch Chromium, make simulated accounts.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chromium } from '@playwright/test'

export const SYSTEM_CHROMIUM = '/usr/bin/chromium'
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** @param {number} ms */
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * @param {string} url
 * @param {number} timeoutMs
 */
async function waitForHttp(url, timeoutMs = 15_000) {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    try {
      const res = await fetch(url)
      if (res.ok) return
    } catch {
      // not up yet
    }
    await sleep(100)
  }
  throw new Error(`${url} did not come up`)
}

/**
 * Starts the simulator and the app server. Expects dist/ and dist-sim/ built (or E2E_DIST /
 * E2E_SIM_DIST). Returns their URLs and a stop function.
 * @param {{ simPort?: number, appPort?: number }} [options]
 */
export async function startServers(options = {}) {
  const simPort = options.simPort ?? Number(process.env.BENCH_SIM_PORT ?? 8897)
  const appPort = options.appPort ?? Number(process.env.BENCH_APP_PORT ?? 4497)
  const simDist = process.env.E2E_SIM_DIST ?? 'dist-sim'
  const appDist = process.env.E2E_DIST ?? 'dist'
  const sim = spawn(process.execPath, [`${simDist}/serve.js`], {
    env: { ...process.env, MOCK_PORT: String(simPort) },
    stdio: 'ignore',
  })
  const app = spawn(process.execPath, ['server/main.mjs'], {
    env: {
      ...process.env,
      PORT: String(appPort),
      HOST: '127.0.0.1',
      VAST_API_URL: `http://127.0.0.1:${simPort}`,
      DIST_DIR: appDist,
    },
    stdio: 'ignore',
  })
  const simUrl = `http://127.0.0.1:${simPort}`
  const appUrl = `http://127.0.0.1:${appPort}`
  await waitForHttp(`${simUrl}/__sim/health`)
  await waitForHttp(`${appUrl}/`)
  return {
    simUrl,
    appUrl,
    stop() {
      sim.kill()
      app.kill()
    },
  }
}

export async function launchBrowser() {
  return chromium.launch(
    existsSync(SYSTEM_CHROMIUM) ? { executablePath: SYSTEM_CHROMIUM, args: CHROMIUM_ARGS } : {},
  )
}

/**
 * A fresh simulated account.
 * @param {string} simUrl
 * @param {Record<string, unknown>} options
 * @returns {Promise<string>} the account's key
 */
export async function createWorld(simUrl, options) {
  const res = await fetch(`${simUrl}/__sim/worlds`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(options),
  })
  const body = await res.json()
  if (!res.ok || typeof body.key !== 'string') throw new Error('the simulator made no world')
  return body.key
}

/**
 * @param {string} simUrl
 * @param {string} key
 * @param {number} ms
 */
export async function advanceWorld(simUrl, key, ms) {
  await fetch(`${simUrl}/__sim/worlds/${key}/advance`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ms }),
  })
}

/**
 * Sets a world's fault switches (e.g. `{ latencyMs: 500 }`).
 * @param {string} simUrl
 * @param {string} key
 * @param {Record<string, unknown>} switches
 */
export async function simulateWorld(simUrl, key, switches) {
  await fetch(`${simUrl}/__sim/worlds/${key}/simulate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(switches),
  })
}

/**
 * @param {string} simUrl
 * @param {string} key
 * @returns {Promise<Array<{ method: string, path: string, query: Record<string, string> }>>}
 */
export async function requestsOf(simUrl, key) {
  const res = await fetch(`${simUrl}/__sim/worlds/${key}/requests`)
  return res.json()
}

/**
 * A browser context that already holds the key, as a returning user's does.
 * @param {import('@playwright/test').Browser} browser
 * @param {string} key
 */
export async function signedInPage(browser, key) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
  // Instances as cards (one article each): the figures follow cards, as they always have.
  await context.addInitScript(() => {
    if (!window.localStorage.getItem('vast-console.instances-layout'))
      window.localStorage.setItem('vast-console.instances-layout', 'cards')
  })
  await context.addInitScript((value) => {
    window.localStorage.setItem(
      'vast-console.api-key',
      JSON.stringify({ v: 1, key: value, mode: 'live' }),
    )
  }, key)
  return { context, page: await context.newPage() }
}

/** @param {number[]} values @param {number} p */
export function percentile(values, p) {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN
}
