/**
 * The fields the domain rules read, written as plain shapes so this layer needs nothing from
 * `api/`. The parsed `Instance` and `Offer` (inferred from api's schemas) satisfy them; a
 * schema change that breaks a rule fails the type check at the call site.
 */

export interface PortBindingFields {
  HostIp?: string | null
  HostPort: number
}

export interface InstanceFields {
  id: number
  actual_status?: string | null
  intended_status?: string | null
  status_msg?: string | null
  /** Interruptible (a bid): paused, not failed, when outbid. */
  is_bid?: boolean | null
  label?: string | null
  image_runtype?: string | null
  public_ipaddr?: string | null
  ssh_host?: string | null
  ssh_port?: number | null
  ports?: Record<string, readonly PortBindingFields[]> | null
  start_date?: number | null
  dph_base?: number | null
  dph_total?: number | null
  storage_total_cost?: number | null
}

export interface OfferPriceFields {
  dph_total: number
  storage_cost: number
  storage_total_cost?: number | null
  inet_up_cost?: number | null
  inet_down_cost?: number | null
}
