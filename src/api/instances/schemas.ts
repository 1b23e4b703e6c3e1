/** Instances: the v1 list's pages, the v0 per-id envelope and the log request's answer. */
import * as z from 'zod/mini'
import { numeric, optBool, optNumber, optString } from '../parse'

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

/**
 * `PUT /instances/request_logs/{id}/`: where the log will appear (pre-signed, fetched later).
 * Vast may answer only a `msg` (the CLI prints it: cli vastai/cli/commands/misc.py::logs).
 */
export const logsResultSchema = z.looseObject({
  success: z.optional(z.boolean()),
  result_url: z.optional(z.url()),
  msg: optString,
})
