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
