// The card shows auto-stop as armed only where Vast runs the start script that holds it (SSH
// or Jupyter launch modes: docs creating-instances-with-api.mdx "Entrypoint Behavior"), and
// confirms it from the instance's own log (the snippet prints "auto-stop: armed, …").
import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import * as z from 'zod/mini'
import { nextArmingRead } from '../api/instances/queries'
import { instanceSchema, type Instance } from '../api/instances/schemas'
import { withWatchdog } from '../domain/auto-stop'
import { LIFECYCLE_MS } from '../simulator/lifecycle'
import {
  advance,
  manageInstance,
  rent,
  requestLog,
  simulate,
  worldNow,
  type World,
} from '../simulator/model'
import { bodyOf, instance as simInstance, num } from '../test/sim-model'
import { worldWithOffer } from '../test/rent-world'
import { renderWithClient } from '../test/render'
import { InstanceCard } from './instance-card'

const RUNNING = LIFECYCLE_MS.provisioning + LIFECYCLE_MS.loading
const SLOW = { timeout: 8_000 }

/** Rents the world's offer with a 2-hour auto-stop under `runtype`, and runs it. */
async function rented(runtype: string): Promise<{ world: World; instance: Instance }> {
  const { world, offer } = await worldWithOffer()
  const deadline = Math.floor(worldNow(world) / 1000) + 2 * 3600
  const onstart = withWatchdog(undefined, {
    deadline: { action: 'stop', atSec: deadline },
    idle: null,
  })
  const res = rent(world, offer.id, {
    image: 'ghcr.io/huggingface/text-generation-inference:3.0',
    disk: 20,
    runtype,
    onstart,
  })
  const id = num(bodyOf(res).new_contract)
  advance(world, RUNNING + 1_000)
  return { world, instance: read(world, id) }
}

/** The instance as Vast's show_instance answers it now (read from the model: no paced call). */
const read = (world: World, id: number): Instance => z.parse(instanceSchema, simInstance(world, id))

const logRequests = (world: World) =>
  requestLog(world).filter((r) => r.path.startsWith('/api/v0/instances/request_logs/'))

const card = () => screen.getByRole('article', { name: /^Instance \d+/ })

describe('auto-stop on the card and the launch mode', () => {
  it('args: the snippet is in onstart but never runs; "not armed", no countdown, no log read', async () => {
    const { world, instance } = await rented('args')
    expect(instance.image_runtype).toBe('args')
    renderWithClient(<InstanceCard instance={instance} />)
    expect(within(card()).getByText(/^Auto-stop not armed \(launch mode args\)/)).toBeVisible()
    expect(within(card()).queryByText(/^Auto-stop in/)).toBeNull()
    expect(within(card()).queryByRole('button', { name: 'Extend 1 h' })).toBeNull()
    expect(within(card()).queryByRole('button', { name: 'Change rules' })).toBeNull()
    expect(logRequests(world)).toHaveLength(0)
  })

  it('SSH: counts down, reads the log once it runs and says "armed (confirmed)"', async () => {
    const { world, instance } = await rented('ssh_direc ssh_proxy')
    renderWithClient(<InstanceCard instance={instance} />)
    expect(within(card()).getByText(/^Auto-stop in 1 h 59 min/)).toBeVisible()
    expect(
      await within(card()).findByText(/Auto-stop armed \(confirmed\)/, undefined, SLOW),
    ).toBeVisible()
    expect(logRequests(world)).toHaveLength(1)
  })

  it('a log that says "not armed" hides the countdown and gives the reason', async () => {
    const { world, instance } = await rented('ssh_direc ssh_proxy')
    expect(manageInstance(world, String(instance.id), { state: 'stopped' }).status).toBe(200)
    advance(world, 3 * 3600_000)
    expect(manageInstance(world, String(instance.id), { state: 'running' }).status).toBe(200)
    advance(world, 60_000)
    renderWithClient(<InstanceCard instance={read(world, instance.id)} />)
    const warning = await within(card()).findByText(/^Auto-stop not armed:/, undefined, SLOW)
    expect(warning).toHaveTextContent('deadline passed before this start')
    expect(within(card()).queryByText(/^Auto-stop (in|due)/)).toBeNull()
  })

  it('no line in the log: "not confirmed yet", after one read', async () => {
    const { world, instance } = await rented('ssh_direc ssh_proxy')
    simulate(world, { logs: 'msg_only' })
    renderWithClient(<InstanceCard instance={instance} />)
    expect(within(card()).getByText(/^Auto-stop not confirmed yet: reading/)).toBeVisible()
    expect(
      await within(card()).findByText(
        /^Auto-stop not confirmed yet: no line from it in the log so far; one more look in a minute/,
        undefined,
        SLOW,
      ),
    ).toBeVisible()
    expect(logRequests(world)).toHaveLength(1)
  })
})

describe('nextArmingRead: once after running, one retry later, then stop', () => {
  const state = (data: { state: 'armed' | 'unknown' } | undefined, reads: number, errors = 0) => ({
    data,
    dataUpdateCount: reads,
    errorUpdateCount: errors,
  })
  it('retries once when the first read found no line (or failed)', () => {
    expect(nextArmingRead(state({ state: 'unknown' }, 1))).toBe(60_000)
    expect(nextArmingRead(state(undefined, 0, 1))).toBe(60_000)
  })
  it('then stops, and never re-reads an answer', () => {
    expect(nextArmingRead(state({ state: 'unknown' }, 2))).toBe(false)
    expect(nextArmingRead(state({ state: 'unknown' }, 1, 1))).toBe(false)
    expect(nextArmingRead(state({ state: 'armed' }, 1))).toBe(false)
  })
})
