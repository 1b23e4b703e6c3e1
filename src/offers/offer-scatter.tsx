/**
 * Price against performance, one dot per loaded offer, drawn on a <canvas> by hand: no chart
 * library. 5,000 dots are 5,000 DOM nodes in SVG but one bitmap here, and the code is ~2 KB
 * gzip against 50–100 KB for a general chart library; it is loaded only when the chart opens.
 * Hovering a dot highlights its row, clicking it picks the row (scrolled into view and ticked
 * for comparison); hovering a row highlights its dot. The arrow keys walk the dots cheapest
 * first and Enter picks one, so the chart works without a pointer.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react'
import type { Offer } from '../api/offers/schemas'
import { SelectField } from '../ui/select-field'
import { formatPrice, formatUsd } from '../domain/format'
import { formatNumber, gpuSummary } from './offer-format'

const WIDTH = 800
const HEIGHT = 320
const PAD = { left: 56, right: 16, top: 12, bottom: 36 }
const HIT_RADIUS_PX = 10

type Metric = 'dlperf' | 'total_flops'
const METRIC_LABEL: Record<Metric, string> = { dlperf: 'DLPerf', total_flops: 'TFLOPS' }

export interface OfferScatterProps {
  offers: readonly Offer[]
  highlightId: number | null
  compared: ReadonlySet<number>
  onHover: (id: number | null) => void
  onPick: (offer: Offer) => void
}

interface Point {
  offer: Offer
  x: number
  y: number
}

function niceMax(value: number): number {
  if (value <= 0) return 1
  const step = 10 ** Math.floor(Math.log10(value))
  return Math.ceil(value / step) * step
}

export function OfferScatter({
  offers,
  highlightId,
  compared,
  onHover,
  onPick,
}: OfferScatterProps) {
  const [metric, setMetric] = useState<Metric>('dlperf')
  const canvasRef = useRef<HTMLCanvasElement>(null)
  const readoutId = useId()

  const { points, maxPrice, maxPerf } = useMemo(() => {
    let maxP = 0
    let maxY = 0
    for (const offer of offers) {
      const perf = offer[metric]
      if (perf == null) continue
      maxP = Math.max(maxP, offer.dph_total)
      maxY = Math.max(maxY, perf)
    }
    const mp = niceMax(maxP)
    const my = niceMax(maxY)
    const plotW = WIDTH - PAD.left - PAD.right
    const plotH = HEIGHT - PAD.top - PAD.bottom
    const pts: Point[] = []
    for (const offer of offers) {
      const perf = offer[metric]
      if (perf == null) continue
      pts.push({
        offer,
        x: PAD.left + (offer.dph_total / mp) * plotW,
        y: PAD.top + plotH - (perf / my) * plotH,
      })
    }
    return { points: pts, maxPrice: mp, maxPerf: my }
  }, [offers, metric])

  const highlighted = points.find((p) => p.offer.id === highlightId) ?? null
  /** Keyboard order: cheapest first. */
  const byPrice = useMemo(
    () => [...points].sort((a, b) => a.offer.dph_total - b.offer.dph_total),
    [points],
  )

  useEffect(() => {
    const canvas = canvasRef.current
    const ctx = canvas?.getContext('2d')
    if (!canvas || !ctx) return
    const ratio = window.devicePixelRatio || 1
    canvas.width = WIDTH * ratio
    canvas.height = HEIGHT * ratio
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0)
    ctx.clearRect(0, 0, WIDTH, HEIGHT)
    // Axes and ticks.
    ctx.strokeStyle = '#94a3b8'
    ctx.fillStyle = '#334155'
    ctx.font = '11px system-ui, sans-serif'
    ctx.beginPath()
    ctx.moveTo(PAD.left, PAD.top)
    ctx.lineTo(PAD.left, HEIGHT - PAD.bottom)
    ctx.lineTo(WIDTH - PAD.right, HEIGHT - PAD.bottom)
    ctx.stroke()
    for (let i = 0; i <= 4; i += 1) {
      const x = PAD.left + ((WIDTH - PAD.left - PAD.right) * i) / 4
      const y = HEIGHT - PAD.bottom - ((HEIGHT - PAD.top - PAD.bottom) * i) / 4
      ctx.textAlign = 'center'
      ctx.fillText(formatUsd((maxPrice * i) / 4), x, HEIGHT - PAD.bottom + 14)
      ctx.textAlign = 'right'
      ctx.fillText(formatNumber((maxPerf * i) / 4), PAD.left - 6, y + 4)
    }
    ctx.textAlign = 'center'
    ctx.fillText('$/hr', PAD.left + (WIDTH - PAD.left - PAD.right) / 2, HEIGHT - 4)
    // Dots: the batch first, picked and highlighted ones on top.
    ctx.fillStyle = 'rgba(29, 78, 216, 0.45)'
    ctx.beginPath()
    for (const p of points) {
      ctx.moveTo(p.x + 2.5, p.y)
      ctx.arc(p.x, p.y, 2.5, 0, Math.PI * 2)
    }
    ctx.fill()
    ctx.fillStyle = '#15803d'
    for (const p of points) {
      if (!compared.has(p.offer.id)) continue
      ctx.beginPath()
      ctx.arc(p.x, p.y, 5, 0, Math.PI * 2)
      ctx.fill()
    }
    if (highlighted) {
      ctx.strokeStyle = '#b45309'
      ctx.lineWidth = 2
      ctx.beginPath()
      ctx.arc(highlighted.x, highlighted.y, 7, 0, Math.PI * 2)
      ctx.stroke()
      ctx.lineWidth = 1
    }
  }, [points, compared, highlighted, maxPrice, maxPerf])

  const pointAt = (clientX: number, clientY: number): Point | null => {
    const rect = canvasRef.current?.getBoundingClientRect()
    if (!rect || rect.width === 0) return null
    const x = ((clientX - rect.left) / rect.width) * WIDTH
    const y = ((clientY - rect.top) / rect.height) * HEIGHT
    let best: Point | null = null
    let bestDist = (HIT_RADIUS_PX * WIDTH) / rect.width
    bestDist *= bestDist
    for (const p of points) {
      const d = (p.x - x) ** 2 + (p.y - y) ** 2
      if (d < bestDist) {
        best = p
        bestDist = d
      }
    }
    return best
  }

  const label = `Price against ${METRIC_LABEL[metric]} for ${points.length} offers. Hover a dot to highlight its row and click it to pick the offer, or use the arrow keys (cheapest first) and Enter.`
  return (
    <figure className="flex flex-col gap-2 rounded-lg border border-border bg-surface p-3">
      <div className="flex flex-wrap items-end gap-3">
        <figcaption className="text-sm font-medium text-text">Price vs performance</figcaption>
        <SelectField
          label="Performance axis"
          value={metric}
          options={[
            { value: 'dlperf', label: 'DLPerf' },
            { value: 'total_flops', label: 'TFLOPS' },
          ]}
          onChange={(event) =>
            setMetric(event.target.value === 'total_flops' ? 'total_flops' : 'dlperf')
          }
        />
      </div>
      <canvas
        ref={canvasRef}
        // Focusable and operated with keys: an interactive widget of its own (see onKeyDown).
        // eslint-disable-next-line jsx-a11y/no-interactive-element-to-noninteractive-role
        role="application"
        aria-roledescription="scatter plot"
        aria-label={label}
        aria-describedby={readoutId}
        tabIndex={0}
        className="h-auto w-full cursor-crosshair rounded focus-visible:outline-2 focus-visible:outline-accent"
        style={{ aspectRatio: `${WIDTH} / ${HEIGHT}` }}
        onMouseMove={(event) => onHover(pointAt(event.clientX, event.clientY)?.offer.id ?? null)}
        onMouseLeave={() => onHover(null)}
        onClick={(event) => {
          const point = pointAt(event.clientX, event.clientY)
          if (point) onPick(point.offer)
        }}
        onKeyDown={(event) => {
          if (byPrice.length === 0) return
          const at = highlighted ? byPrice.indexOf(highlighted) : -1
          const step: Record<string, number> = {
            ArrowRight: 1,
            ArrowUp: 1,
            ArrowLeft: -1,
            ArrowDown: -1,
          }
          const delta = step[event.key]
          if (delta !== undefined) {
            event.preventDefault()
            const next = at < 0 ? (delta > 0 ? 0 : byPrice.length - 1) : at + delta
            const point = byPrice[Math.max(0, Math.min(byPrice.length - 1, next))]
            if (point) onHover(point.offer.id)
          } else if ((event.key === 'Enter' || event.key === ' ') && highlighted) {
            event.preventDefault()
            onPick(highlighted.offer)
          }
        }}
      />
      <p id={readoutId} role="status" className="min-h-5 text-xs text-text-soft">
        {highlighted
          ? `Offer ${highlighted.offer.id}: ${gpuSummary(highlighted.offer)}, ${formatPrice(highlighted.offer.dph_total)}/hr, ${METRIC_LABEL[metric]} ${formatNumber(highlighted.offer[metric])}`
          : 'Hover a dot or a row to see the offer.'}
      </p>
    </figure>
  )
}
