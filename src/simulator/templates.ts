/**
 * Templates (reference §7.3): a fixed public catalog plus two private templates per account, the
 * search `GET /api/v0/template/` and the lookup renting by `template_hash_id` uses. Rows carry
 * Vast's shape: `image` and `tag` apart, `env` as one docker-flag string, `created_at` a float.
 */
import { hashString } from './rng'
import { matchesOps, sortCompare, toOps, type Ops } from './query-ops'
import { fail, isRecord, ok, type Json, type Row, type SimResponse } from './responses'

/** The fields `select_filters` and `order_by` accept (reference §7.3); any other is refused. */
const FILTER_FIELDS: ReadonlySet<string> = new Set([
  'creator_id',
  'created_at',
  'count_created',
  'default_tag',
  'docker_login_repo',
  'id',
  'image',
  'jup_direct',
  'hash_id',
  'name',
  'recent_create_date',
  'recommended_disk_space',
  'recommended',
  'ssh_direct',
  'tag',
  'use_ssh',
  'private',
])

/** Vast's own account, which publishes the recommended templates. */
const VAST_CREATOR = 62_897

interface Spec {
  hash?: string
  name: string
  image: string
  tag: string
  disk: number
  runtype: 'ssh' | 'jupyter' | 'args'
  direct: boolean
  used: number
  recommended?: boolean
  creator?: number
  env?: string
  onstart?: string
  desc: string
}

const AUTO = '@vastai-automatic-tag'

// prettier-ignore
const PUBLIC: Spec[] = [
  { name: 'PyTorch (Vast)', image: 'vastai/pytorch', tag: AUTO, disk: 32, runtype: 'jupyter', direct: true, used: 412_880, recommended: true, desc: 'PyTorch with CUDA matched to the machine, Jupyter and SSH.' },
  { hash: '4e17788f74f075dd9aab7d0d4427968f', name: 'vLLM', image: 'vllm/vllm-openai', tag: 'latest', disk: 60, runtype: 'ssh', direct: true, used: 151_204, recommended: true, env: '-p 8000:8000 -e MODEL_NAME=Qwen/Qwen2.5-7B-Instruct -e VLLM_ARGS=--max-model-len=8192', onstart: 'vllm serve $MODEL_NAME --port 8000 $VLLM_ARGS > /var/log/vllm.log 2>&1 &', desc: 'OpenAI-compatible LLM server on port 8000.' },
  { name: 'ComfyUI', image: 'vastai/comfy', tag: AUTO, disk: 80, runtype: 'jupyter', direct: true, used: 238_511, recommended: true, env: '-p 8188:8188', desc: 'Node-based Stable Diffusion and Flux workflows on port 8188.' },
  { name: 'Ollama', image: 'ollama/ollama', tag: 'latest', disk: 40, runtype: 'ssh', direct: true, used: 97_340, recommended: true, env: '-p 11434:11434 -e OLLAMA_HOST=0.0.0.0', onstart: 'ollama serve > /var/log/ollama.log 2>&1 &', desc: 'Run open models with the Ollama API on port 11434.' },
  { name: 'NVIDIA CUDA (base image)', image: 'vastai/base-image', tag: AUTO, disk: 16, runtype: 'jupyter', direct: true, used: 305_772, recommended: true, desc: 'Ubuntu with CUDA, Jupyter and SSH: a clean start.' },
  { name: 'Stable Diffusion WebUI Forge', image: 'ghcr.io/ai-dock/stable-diffusion-webui-forge', tag: 'latest-cuda', disk: 60, runtype: 'jupyter', direct: true, used: 88_419, recommended: true, env: '-p 7860:7860', desc: 'AUTOMATIC1111-style web UI on port 7860.' },
  { name: 'Open WebUI (Ollama)', image: 'ghcr.io/open-webui/open-webui', tag: 'ollama', disk: 50, runtype: 'ssh', direct: true, used: 41_067, recommended: true, env: '-p 8080:8080', desc: 'Chat interface with a bundled Ollama.' },
  { name: 'TensorFlow', image: 'tensorflow/tensorflow', tag: '2.17.0-gpu-jupyter', disk: 30, runtype: 'jupyter', direct: false, used: 22_930, creator: 118_204, desc: 'TensorFlow with GPU support and Jupyter.' },
  { name: 'text-generation-webui', image: 'atinoda/text-generation-webui', tag: 'default-nvidia', disk: 60, runtype: 'ssh', direct: true, used: 35_688, creator: 231_776, env: '-p 7860:7860 -p 5000:5000', desc: 'oobabooga web UI for local LLMs, API on port 5000.' },
  { name: 'Text Generation Inference', image: 'ghcr.io/huggingface/text-generation-inference', tag: '3.0', disk: 60, runtype: 'args', direct: true, used: 12_402, creator: 118_204, env: '-p 8080:80 -e MODEL_ID=mistralai/Mistral-7B-Instruct-v0.3', desc: 'Hugging Face TGI serving one model on port 8080.' },
  { name: 'NVIDIA NGC PyTorch', image: 'nvcr.io/nvidia/pytorch', tag: '24.10-py3', disk: 50, runtype: 'ssh', direct: true, used: 18_115, creator: 305_410, desc: 'NVIDIA-optimised PyTorch container from NGC.' },
  { name: 'Axolotl', image: 'axolotlai/axolotl', tag: 'main-latest', disk: 80, runtype: 'jupyter', direct: true, used: 9_874, creator: 412_051, desc: 'Fine-tune LLMs with Axolotl configs.' },
  { name: 'Unsloth', image: 'unsloth/unsloth', tag: 'latest', disk: 50, runtype: 'jupyter', direct: true, used: 7_311, creator: 412_051, desc: 'Fast LoRA fine-tuning notebooks.' },
  { name: 'Kohya_ss', image: 'ghcr.io/ai-dock/kohya_ss', tag: 'latest-cuda', disk: 60, runtype: 'jupyter', direct: true, used: 14_620, creator: 231_776, env: '-p 7860:7860', desc: 'LoRA and DreamBooth training GUI.' },
  { name: 'Faster Whisper Server', image: 'fedirz/faster-whisper-server', tag: 'latest-cuda', disk: 20, runtype: 'ssh', direct: true, used: 4_205, creator: 508_993, env: '-p 8000:8000', desc: 'Speech-to-text with an OpenAI-compatible API.' },
  { name: 'Blender', image: 'linuxserver/blender', tag: 'latest', disk: 20, runtype: 'ssh', direct: true, used: 6_038, creator: 305_410, env: '-p 3000:3000', desc: 'Blender in the browser for GPU rendering.' },
  { name: 'Linux Desktop', image: 'ghcr.io/ai-dock/linux-desktop', tag: 'cuda-12.1.1-runtime-22.04', disk: 30, runtype: 'jupyter', direct: true, used: 11_523, creator: 231_776, env: '-p 6100:6100', desc: 'A full desktop over VNC in the browser.' },
  { name: 'PyTorch 2.4 (CUDA 12.4)', image: 'pytorch/pytorch', tag: '2.4.0-cuda12.4-cudnn9-runtime', disk: 30, runtype: 'ssh', direct: true, used: 52_774, creator: 118_204, desc: 'The official PyTorch runtime image.' },
  { name: 'SGLang', image: 'lmsysorg/sglang', tag: 'latest', disk: 60, runtype: 'ssh', direct: true, used: 5_902, creator: 508_993, env: '-p 30000:30000', desc: 'Fast LLM serving on port 30000.' },
  { name: 'llama.cpp server', image: 'ghcr.io/ggml-org/llama.cpp', tag: 'server-cuda', disk: 30, runtype: 'args', direct: true, used: 8_466, creator: 412_051, env: '-p 8080:8080', desc: 'GGUF models behind an OpenAI-compatible server.' },
]

/** 32 hex digits, stable for a text. */
const hashOf = (text: string): string =>
  [0, 1, 2, 3].map((i) => hashString(`${i}:${text}`).toString(16).padStart(8, '0')).join('')

const BASE_CREATED_AT = 1_700_000_000.123456

function row(spec: Spec, index: number, id: number, creator: number, priv: boolean): Row {
  const createdAt = BASE_CREATED_AT + index * 1_987_654.321
  return {
    id,
    hash_id: spec.hash ?? hashOf(`${creator}:${spec.name}`),
    name: spec.name,
    image: spec.image,
    tag: spec.tag,
    default_tag: spec.tag,
    desc: spec.desc,
    readme: null,
    href: null,
    repo: null,
    creator_id: creator,
    // The CLI's comment: "true: only your templates, None: public templates".
    private: priv ? true : null,
    recommended: spec.recommended ?? false,
    recommended_disk_space: spec.disk,
    created_at: createdAt,
    recent_create_date: createdAt + 86_400 * 30.5,
    count_created: spec.used,
    runtype: spec.runtype,
    use_ssh: true,
    ssh_direct: spec.direct,
    jup_direct: spec.runtype === 'jupyter' && spec.direct,
    jupyter_dir: spec.runtype === 'jupyter' ? '/workspace' : null,
    use_jupyter_lab: spec.runtype === 'jupyter',
    docker_login_repo: null,
    env: spec.env ?? '',
    onstart: spec.onstart ?? '',
    extra_filters: {},
  }
}

const PUBLIC_ROWS: readonly Row[] = PUBLIC.map((spec, i) =>
  row(spec, i, 331_800 + i * 17, spec.creator ?? VAST_CREATOR, false),
)

// prettier-ignore
const PRIVATE: Spec[] = [
  { name: 'My training box', image: 'pytorch/pytorch', tag: '2.4.0-cuda12.4-cudnn9-devel', disk: 120, runtype: 'ssh', direct: true, used: 14, env: '-e WANDB_PROJECT=finetune -e TZ=UTC', onstart: 'env >> /etc/environment; pip install -q transformers datasets peft', desc: 'Fine-tuning setup with my usual packages.' },
  { name: 'My inference server', image: 'ghcr.io/huggingface/text-generation-inference', tag: '3.0', disk: 80, runtype: 'args', direct: true, used: 3, env: '-p 8080:80 -e MODEL_ID=meta-llama/Llama-3.1-8B-Instruct', desc: 'TGI with my default model.' },
]

/** Each account's own two templates (private to it). */
const privateRows = (userId: number): Row[] =>
  PRIVATE.map((spec, i) =>
    row(spec, PUBLIC.length + i, 900_000 + (userId % 10_000) * 2 + i, userId, true),
  )

/** What renting with a template applies: the launch runtype as the CLI spells it (reference §4.2). */
export interface SimTemplate {
  id: number
  hashId: string
  name: string
  image: string
  runtype: string
  env: string
  onstart: string | null
}

function launchRuntype(r: Row): string {
  if (r.runtype === 'args') return 'args'
  if (r.runtype === 'jupyter')
    return r.jup_direct === true ? 'jupyter_direc ssh_direc ssh_proxy' : 'jupyter_proxy ssh_proxy'
  return r.ssh_direct === true ? 'ssh_direc ssh_proxy' : 'ssh_proxy'
}

const text = (value: Json | undefined): string => (typeof value === 'string' ? value : '')

/** A public template, or one of `userId`'s own, by hash; undefined for any other hash. */
export function findTemplate(hashId: string, userId: number): SimTemplate | undefined {
  const found = [...PUBLIC_ROWS, ...privateRows(userId)].find((r) => r.hash_id === hashId)
  if (!found) return undefined
  const tag = text(found.tag)
  return {
    id: typeof found.id === 'number' ? found.id : 0,
    hashId,
    name: text(found.name),
    image: tag ? `${text(found.image)}:${tag}` : text(found.image),
    runtype: launchRuntype(found),
    env: text(found.env),
    onstart: text(found.onstart) || null,
  }
}

const invalidArgs = (detail: string) =>
  fail(400, 'invalid_args', `error 400/3467: Invalid args: ${detail}`)

function jsonParam(params: URLSearchParams, name: string): { value: unknown } | { error: string } {
  const raw = params.get(name)
  if (raw === null) return { value: undefined }
  try {
    return { value: JSON.parse(raw) }
  } catch {
    return { error: `${name} is not valid JSON` }
  }
}

/**
 * `GET /api/v0/template/`: the caller's own and every public template, narrowed by
 * `select_filters` (standard operators) and sorted by `order_by` (most used first by default).
 * A plain column name sorts descending: Vast does not document the direction.
 */
export function searchTemplates(userId: number, params: URLSearchParams): SimResponse {
  const filters = jsonParam(params, 'select_filters')
  // Vast documents order_by as a plain column name (yaml/search_templates); JSON is kept too.
  const plainOrder = /^[a-z_]+$/.exec(params.get('order_by') ?? '')?.[0]
  const orderBy = plainOrder
    ? { value: [{ col: plainOrder, dir: 'desc' }] }
    : jsonParam(params, 'order_by')
  if ('error' in filters) return invalidArgs(filters.error)
  if ('error' in orderBy) return invalidArgs(orderBy.error)

  const tests: [string, Ops][] = []
  if (filters.value !== undefined) {
    if (!isRecord(filters.value)) return invalidArgs('select_filters must be an object')
    for (const [field, ops] of Object.entries(filters.value)) {
      if (!FILTER_FIELDS.has(field)) return invalidArgs(`${field} is not a valid search key`)
      tests.push([field, toOps(ops)])
    }
  }
  const order: [string, 'asc' | 'desc'][] = []
  const items = orderBy.value === undefined ? [] : [orderBy.value].flat()
  for (const item of items) {
    const col = isRecord(item) ? item.col : undefined
    if (typeof col !== 'string' || !FILTER_FIELDS.has(col))
      return invalidArgs(
        `${typeof col === 'string' ? col : 'order_by'} is not a valid order column`,
      )
    order.push([col, isRecord(item) && item.dir === 'desc' ? 'desc' : 'asc'])
  }
  if (order.length === 0) order.push(['count_created', 'desc'])
  order.push(['id', 'asc'])

  const templates = [...PUBLIC_ROWS, ...privateRows(userId)]
    .filter((r) => tests.every(([field, ops]) => matchesOps(r[field], ops)))
    .sort((a, b) => {
      for (const [col, dir] of order) {
        const c = sortCompare(a[col], b[col], dir)
        if (c !== 0) return c
      }
      return 0
    })
  return ok({ success: true, templates_found: templates.length, templates })
}

/** A rental's env on top of its template's, merged by key (reference §4.1): the rental's wins. */
export function mergeEnv(base: [string, string][], own: [string, string][]): [string, string][] {
  const merged = new Map(base)
  for (const [key, value] of own) merged.set(key, value)
  return [...merged]
}
