/**
 * The phase timeline (created → loading → running) from `start_date` and this browser's
 * sightings, the image-pull progress read from `status_msg`, and the open-port links.
 */
import { STATUS_LABELS, uiStatus } from '../domain/instance-status'
import type { Instance } from '../api/instances/schemas'
import type { Sighting } from '../api/status-history-store'

/** Loading longer than this is unusual: the card warns. */
export const LOADING_WARN_MS = 10 * 60_000

export interface TimelineStep {
  label: string
  /** When the step began, or when this browser first saw it (`firstSeen`). */
  at: number
  /** Ms spent in this step, only when this browser saw both its start and its end; else null. */
  tookMs: number | null
  /** The step had begun before this browser first looked: `at` is the first sighting. */
  firstSeen: boolean
  current: boolean
}

/**
 * "Created" at the contract start, then each status change this browser saw. A step's duration
 * is given only when both its ends were seen: time before the first sighting is not known here.
 */
export function phaseTimeline(
  startDateSec: number | null | undefined,
  history: readonly Sighting[],
): TimelineStep[] {
  const points: { label: string; at: number; firstSeen: boolean }[] = []
  if (startDateSec != null && Number.isFinite(startDateSec)) {
    points.push({ label: 'Created', at: startDateSec * 1000, firstSeen: false })
  }
  // Seen provisioning first: the browser watched from creation, so Created's end is known.
  const sawCreation = history[0]?.status === 'provisioning' && points.length > 0
  let first = true
  for (const sighting of history) {
    if (sighting.status === 'provisioning' && points.length > 0) continue
    points.push({
      label: STATUS_LABELS[sighting.status],
      at: sighting.at,
      firstSeen: first && !sawCreation,
    })
    first = false
  }
  return points.map((point, i) => {
    const next = points[i + 1]
    return {
      ...point,
      tookMs: next && !point.firstSeen && !next.firstSeen ? Math.max(0, next.at - point.at) : null,
      current: next === undefined,
    }
  })
}

/** "12 s", "4 min 5 s", "2 h 3 min", "3 d 4 h". */
export function formatSpan(ms: number): string {
  const s = Math.floor(ms / 1000)
  if (s < 60) return `${s} s`
  const m = Math.floor(s / 60)
  if (m < 60) return s % 60 ? `${m} min ${s % 60} s` : `${m} min`
  const h = Math.floor(m / 60)
  if (h < 24) return m % 60 ? `${h} h ${m % 60} min` : `${h} h`
  const d = Math.floor(h / 24)
  return h % 24 ? `${d} d ${h % 24} h` : `${d} d`
}

/** How long the instance has been loading (observed, else since the contract start), or null. */
export function loadingFor(
  instance: Pick<Instance, 'actual_status' | 'intended_status' | 'status_msg' | 'start_date'>,
  history: readonly Sighting[],
  now: number,
): number | null {
  if (uiStatus(instance) !== 'loading') return null
  const last = history.at(-1)
  const since =
    last?.status === 'loading'
      ? last.at
      : instance.start_date == null
        ? null
        : instance.start_date * 1000
  return since === null ? null : Math.max(0, now - since)
}

/**
 * Image-pull progress in status_msg: "3/12 layers, 1.2 GB/4.0 GB", "45%", "Downloading 120MB/1.5GB".
 * Returns a fraction in 0..1 and the text it came from, or null.
 */
export function pullProgress(statusMsg: string | null | undefined): number | null {
  if (!statusMsg) return null
  const size = /([\d.]+)\s*(KB|MB|GB)\s*\/\s*([\d.]+)\s*(KB|MB|GB)/i.exec(statusMsg)
  if (size) {
    const unit = (u: string) => ({ KB: 1e-6, MB: 1e-3, GB: 1 })[u.toUpperCase()] ?? 1
    const done = Number(size[1]) * unit(size[2] ?? 'GB')
    const total = Number(size[3]) * unit(size[4] ?? 'GB')
    if (total > 0 && Number.isFinite(done)) return Math.min(1, Math.max(0, done / total))
  }
  const percent = /(\d+(?:\.\d+)?)\s*%/.exec(statusMsg)
  if (percent) return Math.min(1, Number(percent[1]) / 100)
  const layers = /(\d+)\s*\/\s*(\d+)\s*layers/i.exec(statusMsg)
  if (layers && Number(layers[2]) > 0) return Math.min(1, Number(layers[1]) / Number(layers[2]))
  return null
}

export interface PortLink {
  name: string
  href: string
}

/** Open ports as links (http://public_ip:HostPort), SSH excluded; Jupyter with its token. */
export function portLinks(
  instance: Pick<Instance, 'ports' | 'public_ipaddr' | 'jupyter_token' | 'image_runtype'>,
): { ports: PortLink[]; jupyter: PortLink | null } {
  const ip = instance.public_ipaddr?.trim()
  if (!ip || !instance.ports) return { ports: [], jupyter: null }
  const host = ip.includes(':') ? `[${ip}]` : ip
  const ports: PortLink[] = []
  let jupyter: PortLink | null = null
  const isJupyter = /jupyter/i.test(instance.image_runtype ?? '')
  for (const [key, bindings] of Object.entries(instance.ports)) {
    const hostPort = bindings[0]?.HostPort
    if (key === '22/tcp' || hostPort === undefined || !Number.isInteger(hostPort)) continue
    if (!key.endsWith('/tcp')) continue
    if (isJupyter && key === '8080/tcp') {
      // Direct Jupyter is served over HTTPS with Vast's own certificate authority.
      const token = instance.jupyter_token?.trim()
      jupyter = {
        name: 'Open Jupyter',
        href: `https://${host}:${hostPort}/${token ? `?token=${encodeURIComponent(token)}` : ''}`,
      }
      continue
    }
    ports.push({ name: `Port ${key.replace('/tcp', '')}`, href: `http://${host}:${hostPort}/` })
  }
  ports.sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }))
  return { ports, jupyter }
}
