import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it } from 'vitest'
import { setInstancesLayout } from './layout-store'
import { submitApiKey } from '../api/api-key-store'
import {
  TEST_KEY,
  advance,
  createWorld,
  destroyInstance as destroyInModel,
  getWorld,
  rent,
  simulate,
  type World,
} from '../simulator/model'
import { renderWithClient } from '../test/render'
import { ConfirmDialog } from '../ui/confirm-dialog'
import { Toaster } from '../ui/toaster'
import { InstancesPage } from './instances-page'

const POLL = { timeout: 5_000 }

function testWorld(): World {
  const world = getWorld(TEST_KEY)
  if (!world) throw new Error('the simulator has no test world')
  return world
}

/** Rents an offer with direct ports straight through the model; returns the new instance id. */
function rentDirect(world: World): number {
  const offer = [...world.offers.values()].find(
    (o) => o.directPorts > 0 && !world.taken.has(o.id) && o.fields.rentable !== false,
  )
  if (!offer) throw new Error('no rentable offer with direct ports')
  const before = new Set(world.instances.keys())
  rent(world, offer.id, {
    image: 'pytorch/pytorch:2.4.0-cuda12.4-cudnn9-runtime',
    disk: 16,
    runtype: 'ssh_direc ssh_proxy',
  })
  const id = [...world.instances.keys()].find((key) => !before.has(key))
  if (id === undefined) throw new Error('the rent did not create an instance')
  return id
}

/** The id of the first seeded instance with this label (createWorld's seeded states). */
function seededId(world: World, label: string): number {
  const found = [...world.instances.values()].find((i) => i.label === label)
  if (!found) throw new Error(`no seeded instance labelled ${label}`)
  return found.id
}

const card = (id: number) => screen.getByRole('article', { name: new RegExp(`^Instance ${id}\\b`) })
const findCard = (id: number) =>
  screen.findByRole('article', { name: new RegExp(`^Instance ${id}\\b`) }, POLL)

function renderPage(highlightId: number | null = null) {
  const user = userEvent.setup()
  const view = renderWithClient(
    <>
      <InstancesPage highlightId={highlightId} />
      <ConfirmDialog />
      <Toaster />
    </>,
  )
  return { user, ...view }
}

beforeEach(() => {
  submitApiKey(TEST_KEY, false)
  // These cases follow one card through its life; the table's rows expand into the same card.
  setInstancesLayout('cards')
})

describe('InstancesPage', () => {
  it('shows a loading state, then the empty state', async () => {
    renderPage()
    expect(screen.getByRole('heading', { name: 'Instances' })).toBeInTheDocument()
    expect(screen.getByText('Loading instances…')).toHaveRole('status')
    expect(
      await screen.findByText('No instances yet. Rent an offer to start one.'),
    ).toBeInTheDocument()
    expect(screen.queryByRole('article')).not.toBeInTheDocument()
  })

  it('lists one card per instance, each with its status in words', async () => {
    const world = createWorld({ key: TEST_KEY, instances: 6 })
    renderPage()
    expect(await screen.findAllByRole('article')).toHaveLength(6)

    expect(within(card(seededId(world, 'notebook-old'))).getByText('Stopped')).toBeInTheDocument()
    expect(within(card(seededId(world, 'bad-image-test'))).getByText('Error')).toBeInTheDocument()
    expect(within(card(seededId(world, 'inference'))).getByText('Running')).toBeInTheDocument()
    const loading = [...world.instances.values()].find(
      (i) => i.image.startsWith('vllm') && i.label !== null,
    )
    expect(within(card(loading?.id ?? -1)).getByText('Loading image…')).toBeInTheDocument()
    const provisioning = [...world.instances.values()].find((i) => i.label === null)
    expect(within(card(provisioning?.id ?? -1)).getByText('Provisioning')).toBeInTheDocument()
    expect(screen.getByText(/2 running at \$\d+\.\d{3}\/hr together/)).toBeInTheDocument()
  })

  it('shows direct SSH for a box with open ports and the proxy otherwise', async () => {
    const world = createWorld({ key: TEST_KEY, instances: 6 })
    renderPage()
    const direct = await findCard(seededId(world, 'train-llama-ft'))
    expect(within(direct).getByLabelText('SSH command')).toHaveTextContent(
      /^ssh -p \d+ root@[\d.]+$/,
    )
    expect(within(direct).getByText('Direct connection')).toBeInTheDocument()

    const proxied = card(seededId(world, 'inference'))
    const inference = world.instances.get(seededId(world, 'inference'))
    // A jupyter image: the proxy's SSH port is ssh_port + 1 (reference §5.4).
    expect(within(proxied).getByLabelText('SSH command')).toHaveTextContent(
      `ssh -p ${(inference?.ssh.port ?? 0) + 1} root@${inference?.ssh.host ?? ''}`,
    )
    expect(within(proxied).getByText(/Vast SSH proxy/)).toBeInTheDocument()

    const stopped = card(seededId(world, 'notebook-old'))
    expect(within(stopped).queryByLabelText('SSH command')).not.toBeInTheDocument()
    expect(within(stopped).getByText(/storage still bills while stopped/)).toBeInTheDocument()
  })

  it('follows a new instance from Provisioning through Loading image… to Running', async () => {
    const world = testWorld()
    const id = rentDirect(world)
    renderPage(id)

    const article = await findCard(id)
    expect(within(article).getByText('Provisioning')).toBeInTheDocument()
    expect(article).toHaveFocus()
    expect(within(article).queryByLabelText('SSH command')).not.toBeInTheDocument()

    advance(world, 5_000)
    expect(await within(article).findByText('Loading image…', {}, POLL)).toBeInTheDocument()
    expect(within(article).getByText(/^Pulling image pytorch\/pytorch/)).toBeInTheDocument()
    expect(
      await screen.findByText(`Instance ${id} is now Loading image…`, {}, POLL),
    ).toBeInTheDocument()

    advance(world, 20_000)
    expect(await within(article).findByText('Running', {}, POLL)).toBeInTheDocument()
    expect(within(article).getByLabelText('SSH command')).toHaveTextContent(
      /^ssh -p \d+ root@\d+\.\d+\.\d+\.\d+$/,
    )
    expect(within(article).getByText('Direct connection')).toBeInTheDocument()
    expect(await screen.findByText(`Instance ${id} is now Running`)).toBeInTheDocument()
  })

  it('stops an instance after a confirmation that says storage keeps billing', async () => {
    const world = createWorld({ key: TEST_KEY, instances: 1 })
    const id = seededId(world, 'train-llama-ft')
    const { user } = renderPage()
    const article = await findCard(id)
    expect(within(article).getByText('Running')).toBeInTheDocument()

    await user.click(within(article).getByRole('button', { name: 'Stop' }))
    const dialog = screen.getByRole('dialog', { name: `Stop instance ${id}?` })
    expect(dialog).toHaveTextContent(/GPU billing .* stops/)
    expect(dialog).toHaveTextContent(/storage keeps billing \(\$\d+\.\d{3}\/day\)/)
    expect(dialog).toHaveTextContent(/Data on its disk is kept/)

    await user.click(within(dialog).getByRole('button', { name: 'Stop' }))
    expect(await screen.findByText(`Stopping instance ${id}`, {}, POLL)).toBeInTheDocument()
    expect(await within(article).findByText('Stopping')).toBeInTheDocument()
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())

    // This box is hours old, so api/queries' 10-minute time-box (measured from start_date)
    // already polls it slowly: refresh by hand instead of waiting 30 s.
    advance(world, 3_000)
    await user.click(screen.getByRole('button', { name: 'Refresh' }))
    expect(await within(article).findByText('Stopped', {}, POLL)).toBeInTheDocument()
    expect(within(article).getByText(/storage still bills while stopped/)).toBeInTheDocument()
    expect(within(article).getByRole('button', { name: 'Start' })).toBeEnabled()
    expect(within(article).getByRole('button', { name: 'Stop' })).toBeDisabled()
  })

  it('keeps the stop dialog open with the error when the stop fails', async () => {
    const world = createWorld({ key: TEST_KEY, instances: 1 })
    const id = seededId(world, 'train-llama-ft')
    const { user } = renderPage()
    const article = await findCard(id)
    await user.click(within(article).getByRole('button', { name: 'Stop' }))
    destroyInModel(world, String(id)) // gone elsewhere meanwhile: the stop answers 404
    const dialog = screen.getByRole('dialog', { name: `Stop instance ${id}?` })
    await user.click(within(dialog).getByRole('button', { name: 'Stop' }))
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(`Instance ${id} not found`)
    expect(screen.getByRole('dialog', { name: `Stop instance ${id}?` })).toBeInTheDocument()
  })

  it('starts a stopped instance without confirmation', async () => {
    const world = createWorld({ key: TEST_KEY, instances: 4 })
    const id = seededId(world, 'notebook-old')
    const { user } = renderPage()
    const article = await findCard(id)
    expect(within(article).getByText('Stopped')).toBeInTheDocument()

    await user.click(within(article).getByRole('button', { name: 'Start' }))
    expect(await screen.findByText(`Starting instance ${id}`, {}, POLL)).toBeInTheDocument()
    expect(await within(article).findByText('Starting')).toBeInTheDocument()
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  })

  it('toasts when a start fails', async () => {
    const world = createWorld({ key: TEST_KEY, instances: 4 })
    const id = seededId(world, 'notebook-old')
    const { user } = renderPage()
    const article = await findCard(id)
    destroyInModel(world, String(id))
    await user.click(within(article).getByRole('button', { name: 'Start' }))
    expect(
      await screen.findByText(new RegExp(`^Couldn't start instance ${id}: .*not found`)),
    ).toBeInTheDocument()
  })

  it('destroys an instance after a confirmation that says data is deleted', async () => {
    const world = createWorld({ key: TEST_KEY, instances: 2 })
    const id = seededId(world, 'train-llama-ft')
    const { user } = renderPage()
    const article = await findCard(id)

    await user.click(within(article).getByRole('button', { name: 'Destroy' }))
    const dialog = screen.getByRole('dialog', { name: `Destroy instance ${id}?` })
    expect(dialog).toHaveTextContent(/All data on instance \d+ .* is deleted/)
    expect(dialog).toHaveTextContent(/cannot be undone/)
    expect(dialog).toHaveTextContent(/All billing for it ends \(\$\d+\.\d{3}\/hr now\)/)

    await user.click(within(dialog).getByRole('button', { name: 'Destroy' }))
    expect(await screen.findByText(`Instance ${id} destroyed`, {}, POLL)).toBeInTheDocument()
    expect(await screen.findByText(`Instance ${id} is no longer listed`)).toBeInTheDocument()
    expect(
      screen.queryByRole('article', { name: new RegExp(`^Instance ${id}\\b`) }),
    ).not.toBeInTheDocument()
    expect(screen.getAllByRole('article')).toHaveLength(1)
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
  })

  it('shows an error with Retry when the first load fails', async () => {
    const world = createWorld({ key: TEST_KEY, instances: 1 })
    simulate(world, { instances: 'html_502' })
    const { user } = renderPage()
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent(/server error \(502\)/)

    simulate(world, { instances: 'ok' })
    await user.click(within(alert).getByRole('button', { name: 'Retry' }))
    expect(await screen.findByRole('article', {}, POLL)).toBeInTheDocument()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('keeps the cards with a quiet notice when a refresh fails', async () => {
    const world = createWorld({ key: TEST_KEY, instances: 1 })
    const { user } = renderPage()
    expect(await screen.findByRole('article')).toBeInTheDocument()

    simulate(world, { instances: 'html_502' })
    await user.click(screen.getByRole('button', { name: 'Refresh' }))
    expect(
      await screen.findByText(/^Couldn't refresh; showing data from \d{2}:\d{2}:\d{2}/, {}, POLL),
    ).toBeInTheDocument()
    expect(screen.getByRole('article')).toBeInTheDocument()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })
})
