/** Offers (`POST /bundles/`), GPU names and the rent answer: types are inferred from these. */
import * as z from 'zod/mini'
import { numeric, optBool, optNumber, optString, trimmed } from '../parse'

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

export const gpuNamesSchema = z.object({ gpu_names: z.array(trimmed) })

/** `PUT /asks/{id}/`. `instance_api_key` is a secret the container receives: not kept. */
export const rentResultSchema = z.pipe(
  z.looseObject({ success: z.optional(z.boolean()), new_contract: z.number().check(z.int()) }),
  z.transform(({ new_contract }) => ({ instanceId: new_contract })),
)
export type RentResult = z.infer<typeof rentResultSchema>
