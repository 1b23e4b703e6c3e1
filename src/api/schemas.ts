/**
 * Response schemas: the only description of Vast's data in the app. Types are inferred from
 * them. Parsing is lenient (unknown keys kept, nulls allowed, numeric strings accepted, strings
 * trimmed) except where money or identity is concerned, and secrets the API echoes are dropped.
 */
import * as z from 'zod/mini'

const finite = z.number().check(z.refine(Number.isFinite))
/** A number, or a numeric string as Vast sometimes sends (e.g. `HostPort`). Never coerces null or "",
 * and a string too large for a double ("1e400") fails like any other unreadable value. */
export const numeric = z.union([
  finite,
  z.pipe(
    z.pipe(
      z.string().check(z.trim(), z.regex(/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/)),
      z.transform(Number),
    ),
    finite,
  ),
])

/** An optional number: a value that cannot be read becomes null instead of failing the row. */
export const optNumber = z.catch(z.nullish(numeric), null)
export const trimmed = z.string().check(z.trim())
export const optString = z.catch(z.nullish(trimmed), null)
/** Booleans arrive as true/false or 0/1. */
export const optBool = z.catch(
  z.nullish(
    z.union([
      z.boolean(),
      z.pipe(
        z.union([z.literal(0), z.literal(1)]),
        z.transform((v) => v === 1),
      ),
    ]),
  ),
  null,
)

export const offerSchema = z.looseObject({
  id: z.number().check(z.int()),
  ask_contract_id: optNumber,
  machine_id: optNumber,
  host_id: optNumber,
  gpu_name: trimmed,
  num_gpus: numeric,
  gpu_ram: optNumber,
  gpu_total_ram: optNumber,
  gpu_arch: optString,
  compute_cap: optNumber,
  cuda_max_good: optNumber,
  driver_version: optString,
  cpu_name: optString,
  cpu_cores: optNumber,
  cpu_cores_effective: optNumber,
  cpu_ram: optNumber,
  disk_space: optNumber,
  disk_bw: optNumber,
  inet_up: optNumber,
  inet_down: optNumber,
  inet_up_cost: optNumber,
  inet_down_cost: optNumber,
  direct_port_count: optNumber,
  /** $/hr for GPU and compute, without storage. Required: no guessed prices. */
  dph_base: numeric,
  /** $/hr all in, with storage priced at the search's allocated_storage. */
  dph_total: numeric,
  /** $/GB/month. */
  storage_cost: numeric,
  storage_total_cost: optNumber,
  min_bid: optNumber,
  is_bid: optBool,
  dlperf: optNumber,
  dlperf_per_dphtotal: optNumber,
  total_flops: optNumber,
  flops_per_dphtotal: optNumber,
  score: optNumber,
  reliability: optNumber,
  reliability2: optNumber,
  rentable: optBool,
  rented: optBool,
  verification: optString,
  hosting_type: optNumber,
  static_ip: optBool,
  geolocation: optString,
  /** Seconds until the offer's end date: the longest possible rental. */
  duration: optNumber,
  end_date: optNumber,
  public_ipaddr: optString,
  pci_gen: optNumber,
  pcie_bw: optNumber,
  gpu_mem_bw: optNumber,
})
export type Offer = z.infer<typeof offerSchema>

/** The envelope is strict about its shape; rows are parsed one by one (see parseRows). */
export const offersEnvelopeSchema = z.object({ offers: z.array(z.unknown()) })

const portBindingSchema = z.object({ HostIp: optString, HostPort: numeric })
/** `ports` maps "22/tcp" to bindings; any other shape (the docs show one) is read as no ports. */
const portsSchema = z.catch(
  z.nullish(z.record(z.string(), z.catch(z.array(portBindingSchema), []))),
  null,
)

export const instanceSchema = z.looseObject({
  id: z.number().check(z.int()),
  actual_status: optString,
  intended_status: optString,
  cur_state: optString,
  next_state: optString,
  status_msg: optString,
  label: optString,
  machine_id: optNumber,
  host_id: optNumber,
  num_gpus: optNumber,
  gpu_name: optString,
  gpu_ram: optNumber,
  gpu_totalram: optNumber,
  gpu_util: optNumber,
  gpu_temp: optNumber,
  cpu_cores_effective: optNumber,
  cpu_ram: optNumber,
  disk_space: optNumber,
  image_uuid: optString,
  image_runtype: optString,
  /** Read only to find the auto-stop snippet's deadline (api/auto-stop); never rendered. */
  onstart: optString,
  template_name: optString,
  jupyter_token: optString,
  ssh_host: optString,
  ssh_port: optNumber,
  public_ipaddr: optString,
  ports: portsSchema,
  start_date: optNumber,
  end_date: optNumber,
  dph_base: optNumber,
  dph_total: optNumber,
  storage_cost: optNumber,
  storage_total_cost: optNumber,
  is_bid: optBool,
  min_bid: optNumber,
  geolocation: optString,
  reliability2: optNumber,
  verification: optString,
  inet_up_cost: optNumber,
  inet_down_cost: optNumber,
})
export type Instance = z.infer<typeof instanceSchema>
export type PortBinding = z.infer<typeof portBindingSchema>

export const instancesPageSchema = z.object({
  instances: z.array(z.unknown()),
  next_token: z.catch(z.nullish(z.string()), null),
  total_instances: optNumber,
})

/** `GET /api/v0/instances/{id}/`: the key is plural, the value one object or null. */
export const instanceEnvelopeSchema = z.object({ instances: z.nullish(z.unknown()) })

/** `/users/current/`. The API echoes the account's full-access key as `api_key`: dropped here. */
export const accountSchema = z.pipe(
  z.looseObject({
    id: z.number(),
    email: optString,
    username: optString,
    credit: numeric,
    balance: optNumber,
    ssh_key: optString,
  }),
  z.transform((account) => {
    const { api_key: _secret, ...rest } = account
    void _secret
    return rest
  }),
)
export type Account = z.infer<typeof accountSchema>

export const gpuNamesSchema = z.object({ gpu_names: z.array(trimmed) })

/** `PUT /asks/{id}/`. `instance_api_key` is a secret the container receives: not kept. */
export const rentResultSchema = z.pipe(
  z.looseObject({ success: z.optional(z.boolean()), new_contract: z.number().check(z.int()) }),
  z.transform(({ new_contract }) => ({ instanceId: new_contract })),
)
export type RentResult = z.infer<typeof rentResultSchema>

/** `PUT /instances/request_logs/{id}/`: where the log will appear (pre-signed, fetched later). */
export const logsResultSchema = z.looseObject({
  success: z.optional(z.boolean()),
  result_url: z.url(),
})

export const successSchema = z.looseObject({ success: z.optional(z.boolean()), msg: optString })

/** Error bodies come in several shapes; all are read into `{error, msg}`. */
export const errorBodySchema = z.looseObject({
  success: z.optional(z.unknown()),
  error: z.catch(z.optional(z.string()), undefined),
  msg: z.catch(z.optional(z.string()), undefined),
  message: z.catch(z.optional(z.string()), undefined),
  detail: z.catch(z.optional(z.string()), undefined),
})

/** Parses a list row by row: a malformed row is dropped and counted, never shown with guessed values. */
export function parseRows<T>(
  schema: z.ZodMiniType<T>,
  rows: readonly unknown[],
): { rows: T[]; dropped: number } {
  const out: T[] = []
  let dropped = 0
  for (const row of rows) {
    const result = z.safeParse(schema, row)
    if (result.success) out.push(result.data)
    else dropped += 1
  }
  return { rows: out, dropped }
}
