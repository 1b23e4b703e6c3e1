import { type Transition } from './lifecycle'
import { type Offer } from './offer-seed'
import { type Launch, launch, templateFor } from './renting'
import { type World, worldNow } from './world'

// ─── pre-seeded instances ─────────────────────────────────────────────────────────────────────

const H = 3_600_000
// prettier-ignore
const SEEDED: (Omit<Launch, 'price' | 'template'> & { state: 'running' | 'loading' | 'provisioning' | 'stopped' | 'failed'; ageMs: number; template?: string })[] = [
  { state: 'running', ageMs: 4 * H, label: 'train-llama-ft', image: 'pytorch/pytorch:2.4.0-cuda12.4-cudnn9-runtime', runtype: 'ssh_direc ssh_proxy', env: [['TZ', 'UTC'], ['-p 8080:8080', '1']], onstart: "env >> /etc/environment; echo 'starting up'", disk: 40 },
  { state: 'loading', ageMs: 13_000, label: 'train-llama-ft', image: 'vllm/vllm-openai:latest', runtype: 'ssh_direc ssh_proxy', env: [['MODEL_ID', 'deepseek-ai/DeepSeek-R1-Distill-Llama-8B'], ['-p 8000:8000', '1']], onstart: 'vllm serve $MODEL_ID --port 8000', disk: 50 },
  { state: 'provisioning', ageMs: 1_000, label: null, image: 'vllm/vllm-openai:latest', runtype: 'ssh', env: [], onstart: null, disk: 100, template: '4e17788f74f075dd9aab7d0d4427968f' },
  { state: 'stopped', ageMs: 7 * 24 * H, label: 'notebook-old', image: 'vastai/base-image:cuda-12.4.1-auto', runtype: 'ssh_direc ssh_proxy', env: [['TZ', 'UTC']], onstart: null, disk: 40 },
  { state: 'failed', ageMs: 50 * 60_000, label: 'bad-image-test', image: 'example/broken-image:latest', runtype: 'args', env: [], onstart: null, disk: 20 },
  { state: 'running', ageMs: 26 * H, label: 'inference', image: 'vastai/base-image:cuda-12.4.1-auto', runtype: 'jupyter_proxy ssh_proxy', env: [], onstart: null, disk: 32 },
]

/** Instances in the states of samples/instances-v1-page.json, cycling for larger counts. */
export function seedInstances(world: World, offers: Offer[]): void {
  const now = worldNow(world)
  const pool = [...offers]
  offers.forEach((_, i) => {
    const spec = SEEDED[i % SEEDED.length] ?? SEEDED[0]
    if (!spec) return
    const wantDirect = /direc/.test(spec.runtype)
    const index = Math.max(
      0,
      pool.findIndex((o) => !wantDirect || o.directPorts > 0),
    )
    const [offer] = pool.splice(index, 1)
    if (!offer) return
    const createdAt = now - spec.ageMs
    const transition: Transition =
      spec.state === 'stopped'
        ? { kind: 'stop', at: now - 2 * 24 * H, from: 'running' }
        : spec.state === 'failed'
          ? { kind: 'fail', at: createdAt }
          : { kind: 'create', at: createdAt }
    const cycle = Math.floor(i / SEEDED.length)
    launch(
      world,
      offer,
      {
        ...spec,
        label: spec.label && cycle > 0 ? `${spec.label}-${cycle}` : spec.label,
        price: null,
        template: spec.template ? templateFor(spec.template, world) : null,
      },
      createdAt,
      transition,
    )
  })
}
