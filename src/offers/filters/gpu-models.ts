/**
 * GPU model names as Vast spells them (reference §3.7, from the CLI's gpulist). Used for the
 * GPU model suggestions when the live list (GET /api/v0/gpu_names/unique/) cannot be loaded.
 */
export const FALLBACK_GPU_MODELS: readonly string[] = [
  'A10',
  'A100 PCIE',
  'A100 SXM4',
  'A100X',
  'A40',
  'A800 PCIE',
  'B200',
  'GH200 SXM',
  'H100 NVL',
  'H100 PCIE',
  'H100 SXM',
  'H200',
  'H200 NVL',
  'L4',
  'L40',
  'L40S',
  'Tesla T4',
  'Tesla V100',
  'RTX 3060',
  'RTX 3070',
  'RTX 3080',
  'RTX 3080 Ti',
  'RTX 3090',
  'RTX 3090 Ti',
  'RTX 4060 Ti',
  'RTX 4070',
  'RTX 4070 Ti',
  'RTX 4080',
  'RTX 4080S',
  'RTX 4090',
  'RTX 4090D',
  'RTX 5070 Ti',
  'RTX 5080',
  'RTX 5090',
  'RTX A4000',
  'RTX A5000',
  'RTX A6000',
  'RTX 4000Ada',
  'RTX 6000Ada',
  'RTX PRO 6000',
  'RTX PRO 6000 WS',
  'InstinctMI100',
  'InstinctMI250X',
  'RX 7900 XTX',
]

/** The known spelling of a typed name ("h100_sxm" → "H100 SXM"), or null when unknown. */
export function matchGpuModel(typed: string, known: readonly string[]): string | null {
  const wanted = typed.replaceAll('_', ' ').replace(/\s+/g, ' ').trim().toLowerCase()
  if (!wanted) return null
  return known.find((name) => name.toLowerCase() === wanted) ?? null
}

/** Lower case without spaces, dashes or underscores: "RTX_4090 d" → "rtx4090d". */
const squash = (text: string) => text.toLowerCase().replace(/[\s_-]+/g, '')

/**
 * Known names containing what was typed, however spaced ("4090" → RTX 4090, RTX 4090D): exact
 * first, then names starting with it, then the rest, each in list order. At most `max`.
 */
export function suggestGpuModels(typed: string, known: readonly string[], max = 10): string[] {
  const wanted = squash(typed)
  if (!wanted) return known.slice(0, max)
  const rank = (name: string) => {
    const squashed = squash(name)
    if (squashed === wanted) return 0
    if (squashed.startsWith(wanted)) return 1
    return squashed.includes(wanted) ? 2 : 3
  }
  return known
    .map((name) => ({ name, rank: rank(name) }))
    .filter((entry) => entry.rank < 3)
    .sort((a, b) => a.rank - b.rank)
    .slice(0, max)
    .map((entry) => entry.name)
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      )
    previous = current
  }
  return previous[b.length] ?? 0
}

/**
 * Known names close to one that matched nothing ("4090" → RTX 4090, RTX 4090D; "H100SXM5" →
 * H100 SXM): names containing it first, else the nearest by spelling. Never the name itself.
 */
export function closeGpuModels(typed: string, known: readonly string[], max = 3): string[] {
  const wanted = squash(typed)
  if (!wanted) return []
  const others = known.filter((name) => squash(name) !== wanted)
  const partial = suggestGpuModels(typed, others, max)
  if (partial.length > 0) return partial
  return others
    .map((name) => ({ name, distance: editDistance(squash(name), wanted) }))
    .filter((entry) => entry.distance <= Math.max(2, Math.floor(wanted.length / 3)))
    .sort((a, b) => a.distance - b.distance)
    .slice(0, max)
    .map((entry) => entry.name)
}
