/**
 * The in-memory Vast marketplace: one world per API key, each with its own seeded offers,
 * instances, credit, clock, switches, rate-limit buckets and request log. Framework-free: the
 * MSW handlers (handlers.ts) translate HTTP to these calls and SimResponses back to HTTP.
 *
 * Split by resource: world.ts (worlds, clock, log), switches.ts (fault switches), access.ts
 * (auth and rate limits), market.ts (offer search), renting.ts, instance-seeds.ts, instances-model.ts (billing
 * and instances) and account.ts; this file is their one entry point.
 */
export * from './world'
export * from './switches'
export * from './access'
export * from './market'
export * from './renting'
export * from './instance-seeds'
export * from './instances-model'
export * from './account'

import { resetSimulator } from './world'

// The default test world exists from the start (and again after every reset).
resetSimulator()
