import { hashString, round } from './rng'
import { ok, type SimResponse } from './responses'
import { type World } from './world'
import { creditOf } from './instances-model'

// ─── account ──────────────────────────────────────────────────────────────────────────────────

/** The account id `/users/current/` reports: templates' `creator_id` for the account's own. */
export function accountIdOf(world: World): number {
  return 1_183_000 + world.seq
}

/** The account's e-mail, as users/current reports it. */
export const emailOf = (world: World): string => `user-${world.seq}@example.com`

/** `GET /api/v0/users/current/`: the sample's shape, per world. Echoes the key as `api_key`, like Vast. */
export function currentUser(world: World): SimResponse {
  const n = world.seq
  const credit = creditOf(world)
  const fields = world.switches.accountFields
  const money = {
    ...(fields === 'balance' ? {} : { credit }),
    // With only `balance` (as the docs list it) it carries the spendable figure.
    ...(fields === 'credit' ? {} : { balance: fields === 'balance' ? credit : 0.0 }),
  }
  return ok({
    id: accountIdOf(world),
    key_id: 402_000 + n,
    created_at: 1699123456.0,
    username: `user-${n}`,
    email: emailOf(world),
    email_verified: true,
    fullname: `Sim User ${n}`,
    user: `user-${n}`,
    api_key: world.key,
    sid: hashString(world.key).toString(16).padStart(12, '0'),
    ...money,
    total_spend: round(world.spent, 6),
    balance_referrals: 0.0,
    balance_threshold: 10.0,
    balance_threshold_enabled: true,
    autobill_threshold: null,
    autobill_amount: null,
    can_pay: true,
    has_billing: true,
    has_payout: false,
    payout_enabled: false,
    host_only: false,
    host_agreement_accepted: false,
    has_rented: world.instances.size > 0 || world.spent > 0,
    got_signup_credit: 1,
    billing_creditonly: 0,
    last4: '4242',
    paypal_email: null,
    wise_email: null,
    phone_number: null,
    billaddress_line1: null,
    billaddress_line2: null,
    billaddress_city: null,
    billaddress_zip: null,
    billaddress_country: 'US',
    billaddress_taxinfo: null,
    paid_verified: 0.0,
    paid_expected: 0.0,
    billed_verified: round(world.spent, 6),
    billed_expected: round(world.spent, 6),
    password_resettable: true,
    discord_id: null,
    oauth_provider: null,
    ssh_key: `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAISim${hashString(world.key).toString(36)} user-${n}@sim`,
    rights: null,
  })
}
