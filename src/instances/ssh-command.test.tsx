import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import * as z from 'zod/mini'
import { instanceSchema, type Instance } from '../api/instances/schemas'
import { SshCommand } from './ssh-command'

const RUNNING = { actual_status: 'running', intended_status: 'running' }

function instance(raw: Record<string, unknown>): Instance {
  return z.parse(instanceSchema, {
    id: 27400001,
    public_ipaddr: ' 203.0.113.10 ',
    ssh_host: 'ssh4.vast.ai',
    ssh_port: 30122,
    image_runtype: 'ssh ssh_direc ssh_proxy',
    ...raw,
  })
}

const direct = () =>
  instance({ ...RUNNING, ports: { '22/tcp': [{ HostIp: '0.0.0.0', HostPort: '41022' }] } })

describe('SshCommand', () => {
  it('shows the direct command when port 22 is mapped', () => {
    render(<SshCommand instance={direct()} />)
    expect(screen.getByLabelText('SSH command')).toHaveTextContent(
      /^ssh -p 41022 root@203\.0\.113\.10$/,
    )
    expect(screen.getByText('Direct connection')).toBeInTheDocument()
    expect(screen.queryByText(/proxy/i)).not.toBeInTheDocument()
  })

  it('falls back to the proxy, marked as such', () => {
    render(<SshCommand instance={instance({ ...RUNNING, ports: null })} />)
    expect(screen.getByLabelText('SSH command')).toHaveTextContent(
      /^ssh -p 30122 root@ssh4\.vast\.ai$/,
    )
    expect(screen.getByText(/Vast SSH proxy/)).toBeInTheDocument()
    expect(screen.queryByText('Direct connection')).not.toBeInTheDocument()
  })

  it('uses the proxy port + 1 for jupyter images', () => {
    render(
      <SshCommand
        instance={instance({ ...RUNNING, ports: null, image_runtype: 'jupyter_direc ssh_proxy' })}
      />,
    )
    expect(screen.getByLabelText('SSH command')).toHaveTextContent('ssh -p 30123 root@ssh4.vast.ai')
  })

  it('shows nothing until the instance runs', () => {
    const { container } = render(
      <SshCommand instance={instance({ actual_status: 'loading', intended_status: 'running' })} />,
    )
    expect(container).toBeEmptyDOMElement()
  })

  it('copies the command and says so', async () => {
    const user = userEvent.setup()
    render(<SshCommand instance={direct()} />)
    await user.click(screen.getByRole('button', { name: 'Copy SSH command' }))
    expect(await screen.findByRole('status')).toHaveTextContent('Copied')
    await expect(navigator.clipboard.readText()).resolves.toBe('ssh -p 41022 root@203.0.113.10')
  })

  it('selects the command for Ctrl+C when the clipboard refuses', async () => {
    const user = userEvent.setup()
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('denied'))
    render(<SshCommand instance={direct()} />)
    await user.click(screen.getByRole('button', { name: 'Copy SSH command' }))
    expect(await screen.findByRole('status')).toHaveTextContent('Press Ctrl+C to copy')
    expect(window.getSelection()?.toString()).toBe('ssh -p 41022 root@203.0.113.10')
  })
})
