import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { server } from '../simulator/node'
import { submitApiKey } from '../api/api-key-store'
import { describe, expect, it } from 'vitest'
import * as z from 'zod/mini'
import { instanceSchema, type Instance } from '../api/instances/schemas'
import { renderWithClient } from '../test/render'
import { ConfirmDialog } from '../ui/confirm-dialog'
import { InstanceCard } from './instance-card'

function instance(raw: Record<string, unknown>): Instance {
  return z.parse(instanceSchema, {
    id: 27400001,
    num_gpus: 1,
    gpu_name: 'RTX 4090',
    image_uuid: 'pytorch/pytorch:2.4.0-cuda12.4-cudnn9-runtime',
    dph_total: '0.32833333',
    storage_total_cost: 0.00833333,
    disk_space: 40,
    geolocation: 'Texas, US',
    ...raw,
  })
}

const card = (id = 27400001) => screen.getByRole('article', { name: new RegExp(`^Instance ${id}`) })

describe('InstanceCard', () => {
  it.each([
    ['Provisioning', { actual_status: null, intended_status: 'running' }],
    [
      'Loading image…',
      { actual_status: 'loading', intended_status: 'running', status_msg: 'Pulling layer 3/7' },
    ],
    ['Running', { actual_status: 'running', intended_status: 'running' }],
    ['Stopping', { actual_status: 'running', intended_status: 'stopped' }],
    ['Stopped', { actual_status: 'exited', intended_status: 'stopped' }],
    ['Host offline', { actual_status: 'offline', intended_status: 'running' }],
    [
      'Exited unexpectedly — storage still billing',
      { actual_status: 'exited', intended_status: 'running', status_msg: '' },
    ],
    [
      'Error',
      {
        actual_status: 'created',
        intended_status: 'running',
        status_msg: 'Error: OCI runtime create failed: x',
      },
    ],
    ['Unknown (weird)', { actual_status: 'weird', intended_status: 'running' }],
  ])('shows the status %s in words', (label, raw) => {
    renderWithClient(<InstanceCard instance={instance(raw)} />)
    expect(within(card()).getByText(label)).toBeInTheDocument()
  })

  it('shows identity, hardware, image, price, disk and location', () => {
    renderWithClient(
      <InstanceCard
        instance={instance({
          label: 'my-label',
          actual_status: 'running',
          intended_status: 'running',
        })}
      />,
    )
    const article = screen.getByRole('article', { name: 'Instance 27400001 · my-label' })
    expect(
      within(article).getByRole('heading', { name: 'Instance 27400001 · my-label' }),
    ).toBeInTheDocument()
    expect(within(article).getByText('1× RTX 4090')).toBeInTheDocument()
    expect(
      within(article).getByText('pytorch/pytorch:2.4.0-cuda12.4-cudnn9-runtime'),
    ).toBeInTheDocument()
    expect(within(article).getByText('$0.328/hr')).toBeInTheDocument()
    expect(within(article).getByText('40 GB')).toBeInTheDocument()
    expect(within(article).getByText('Texas, US')).toBeInTheDocument()
    expect(within(article).queryByText(/storage still bills/)).not.toBeInTheDocument()
  })

  it('shows the label and status message as plain text', () => {
    renderWithClient(
      <InstanceCard
        instance={instance({
          label: '<img src=x onerror=alert(1)>',
          actual_status: 'loading',
          intended_status: 'running',
          status_msg: '<b>pulling</b>',
        })}
      />,
    )
    const article = card()
    expect(within(article).getByRole('heading')).toHaveTextContent(
      'Instance 27400001 · <img src=x onerror=alert(1)>',
    )
    expect(within(article).getByText('<b>pulling</b>')).toBeInTheDocument()
    expect(within(article).queryByRole('img')).not.toBeInTheDocument()
  })

  it('shows the daily storage cost of a stopped instance', () => {
    renderWithClient(
      <InstanceCard instance={instance({ actual_status: 'exited', intended_status: 'stopped' })} />,
    )
    const article = card()
    expect(
      within(article).getByText(/\$0\.200\/day; storage still bills while stopped/),
    ).toBeInTheDocument()
  })

  it('keeps unavailable actions visible, disabled, with the reason', () => {
    renderWithClient(
      <InstanceCard
        instance={instance({ actual_status: 'running', intended_status: 'running' })}
      />,
    )
    const article = card()
    const start = within(article).getByRole('button', { name: 'Start' })
    expect(start).toBeDisabled()
    expect(start).toHaveAccessibleDescription('Already running.')
    expect(within(article).getByRole('button', { name: 'Stop' })).toBeEnabled()
    expect(within(article).getByRole('button', { name: 'Destroy' })).toBeEnabled()
  })

  it('hides the SSH command until the instance runs', () => {
    renderWithClient(
      <InstanceCard
        instance={instance({
          actual_status: 'loading',
          intended_status: 'running',
          ssh_host: 'ssh4.vast.ai',
          ssh_port: 30122,
        })}
      />,
    )
    expect(within(card()).getByText('Loading image…')).toBeInTheDocument()
    expect(screen.queryByLabelText('SSH command')).not.toBeInTheDocument()
  })

  it("a stopped instance's Destroy names its storage billing, not its GPU $/hr", async () => {
    const user = userEvent.setup()
    renderWithClient(
      <>
        <InstanceCard
          instance={instance({ actual_status: 'exited', intended_status: 'stopped' })}
        />
        <ConfirmDialog />
      </>,
    )
    await user.click(within(card()).getByRole('button', { name: 'Destroy' }))
    const dialog = screen.getByRole('dialog', { name: 'Destroy instance 27400001?' })
    expect(dialog).toHaveTextContent('Its storage billing ends ($0.200/day)')
    expect(dialog).not.toHaveTextContent('/hr')
  })

  it('no confirmation shows the internal auto-stop marker of the label', async () => {
    const user = userEvent.setup()
    renderWithClient(
      <>
        <InstanceCard
          instance={instance({
            label: 'train autostop@1790000000',
            actual_status: 'running',
            intended_status: 'running',
          })}
        />
        <ConfirmDialog />
      </>,
    )
    for (const action of ['Stop', 'Destroy']) {
      await user.click(within(card()).getByRole('button', { name: action }))
      const dialog = screen.getByRole('dialog')
      expect(dialog).toHaveTextContent('"train"')
      expect(dialog).not.toHaveTextContent('autostop@')
      await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    }
  })

  it('an outbid instance says so, and Change bid sends one bid_price PUT after the confirmation', async () => {
    const bodies: unknown[] = []
    server.use(
      http.put('*/api/v0/instances/bid_price/:id/', async ({ request }) => {
        bodies.push(await request.json())
        return HttpResponse.json({ success: true })
      }),
    )
    submitApiKey('test-key-1234', false)
    const user = userEvent.setup()
    renderWithClient(
      <InstanceCard
        instance={instance({
          actual_status: 'stopped',
          intended_status: 'running',
          is_bid: true,
          min_bid: 0.15,
          dph_base: 0.12,
        })}
      />,
    )
    expect(within(card()).getByText('Outbid — storage still billing')).toBeInTheDocument()
    expect(within(card()).queryByText('Starting')).not.toBeInTheDocument()
    await user.click(within(card()).getByRole('button', { name: 'Change bid' }))
    const dialog = screen.getByRole('dialog', { name: 'Change bid of instance 27400001' })
    expect(dialog).toHaveTextContent('Your bid now: $0.120/hr')
    const price = within(dialog).getByRole('textbox', { name: 'New bid ($/hr)' })
    await user.clear(price)
    await user.type(price, '0.2')
    await user.click(within(dialog).getByRole('button', { name: 'Change bid to $0.200/hr' }))
    await within(dialog).findByRole('status')
    expect(bodies).toEqual([{ client_id: 'me', price: 0.2 }])
  })
})
