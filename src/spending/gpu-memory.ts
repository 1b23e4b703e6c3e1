/**
 * Charges do not name the GPU, so the GPU model of each instance this device has seen listed is
 * remembered here (localStorage), to attribute spend after the instance is gone.
 */
const KEY = 'vast-console.spending.gpu-models.v1'
const MAX = 5_000

function read(): Record<string, string> {
  try {
    const raw = localStorage.getItem(KEY)
    const value: unknown = raw ? JSON.parse(raw) : {}
    if (typeof value !== 'object' || value === null) return {}
    const out: Record<string, string> = {}
    for (const [id, name] of Object.entries(value)) if (typeof name === 'string') out[id] = name
    return out
  } catch {
    return {}
  }
}

export function rememberGpuModels(
  pairs: readonly { id: number; gpu: string | null }[],
): Record<string, string> {
  const known = read()
  let changed = false
  for (const { id, gpu } of pairs) {
    if (gpu && known[String(id)] !== gpu) {
      known[String(id)] = gpu
      changed = true
    }
  }
  if (changed) {
    const entries = Object.entries(known).slice(-MAX)
    try {
      localStorage.setItem(KEY, JSON.stringify(Object.fromEntries(entries)))
    } catch {
      // kept for this visit only
    }
  }
  return known
}
