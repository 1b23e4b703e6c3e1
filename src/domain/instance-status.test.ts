import { describe, expect, it } from 'vitest'
import {
  canStart,
  canStop,
  isTransitioning,
  sshCommand,
  statusLabel,
  uiStatus,
} from './instance-status'

const s = (
  actual_status: string | null,
  intended_status: string | null = 'running',
  status_msg: string | null = null,
) => ({
  actual_status,
  intended_status,
  status_msg,
})

describe('uiStatus', () => {
  it.each([
    [s(null), 'Provisioning'],
    [s('created'), 'Provisioning'],
    [s('loading', 'running', 'Pulling image: 3/12 layers'), 'Loading image…'],
    [s('running'), 'Running'],
    [s('running', 'stopped'), 'Stopping'],
    [s('exited', 'stopped'), 'Stopped'],
    [s('stopped', 'stopped'), 'Stopped'],
    [s('exited', 'running'), 'Exited unexpectedly — storage still billing'],
    [s('stopped', 'running'), 'Starting'],
    [s('unknown'), 'Host offline'],
    [s('offline'), 'Host offline'],
    [s('rebooting'), 'Rebooting'],
    [s('frozen', 'frozen'), 'Paused'],
    [
      s(
        'created',
        'running',
        'Error response from daemon: OCI runtime create failed: runc create failed',
      ),
      'Error',
    ],
    [
      s('exited', 'running', 'container exited with error code 1'),
      'Exited unexpectedly — storage still billing',
    ],
    [s('hibernating'), 'Unknown (hibernating)'],
  ])('%o reads as %s', (instance, label) => {
    expect(statusLabel(instance)).toBe(label)
  })

  it('polls fast only for states that change by themselves', () => {
    expect(isTransitioning(s(null))).toBe(true)
    expect(isTransitioning(s('loading'))).toBe(true)
    expect(isTransitioning(s('running', 'stopped'))).toBe(true)
    expect(isTransitioning(s('running'))).toBe(false)
    expect(isTransitioning(s('exited', 'stopped'))).toBe(false)
    // Vast: an exited container never reaches running by itself (docs hello-world.mdx).
    expect(isTransitioning(s('exited', 'running', ''))).toBe(false)
    expect(isTransitioning(s('offline'))).toBe(false)
    expect(isTransitioning(s('created', 'running', 'OCI runtime create failed'))).toBe(false)
    expect(uiStatus(s('hibernating'))).toBe('unknown')
    expect(isTransitioning(s('hibernating'))).toBe(false)
  })

  it('an outbid interruptible instance is not "Starting" and is not fast-polled', () => {
    const outbid = { ...s('stopped', 'running', ''), is_bid: true }
    expect(uiStatus(outbid)).toBe('outbid')
    expect(statusLabel(outbid)).toBe('Outbid — storage still billing')
    expect(isTransitioning(outbid)).toBe(false)
    expect(canStart(outbid)).toBe(false)
    expect(uiStatus({ ...s('exited', 'running', ''), is_bid: true })).toBe('outbid')
    expect(uiStatus({ ...s('stopped', 'running', ''), is_bid: false })).toBe('starting')
  })

  it('offers start on stopped instances and stop on live ones', () => {
    expect(canStart(s('exited', 'stopped'))).toBe(true)
    expect(canStart(s('running'))).toBe(false)
    expect(canStart(s('exited', 'running'))).toBe(true)
    expect(canStop(s('running'))).toBe(true)
    expect(canStop(s('exited', 'stopped'))).toBe(false)
  })
})

describe('sshCommand', () => {
  const base = {
    ssh_host: 'ssh4.vast.ai',
    ssh_port: 37412,
    public_ipaddr: ' 203.0.113.41\n',
    image_runtype: 'ssh ssh_direc ssh_proxy',
  }

  it('goes direct through ports["22/tcp"] and the trimmed public IP', () => {
    expect(
      sshCommand({ ...base, ports: { '22/tcp': [{ HostIp: '0.0.0.0', HostPort: 41022 }] } }),
    ).toEqual({
      command: 'ssh -p 41022 root@203.0.113.41',
      kind: 'direct',
    })
  })

  it('falls back to the proxy without a 22/tcp mapping', () => {
    expect(sshCommand({ ...base, ports: null })).toEqual({
      command: 'ssh -p 37412 root@ssh4.vast.ai',
      kind: 'proxy',
    })
    expect(
      sshCommand({ ...base, ports: { '8080/tcp': [{ HostIp: null, HostPort: 41080 }] } })?.kind,
    ).toBe('proxy')
  })

  it('adds one to the proxy port in Jupyter modes', () => {
    expect(
      sshCommand({ ...base, ports: null, image_runtype: 'jupyter_direc ssh_direc ssh_proxy' })
        ?.command,
    ).toBe('ssh -p 37413 root@ssh4.vast.ai')
  })

  it('falls back to the proxy when the public IP is missing', () => {
    expect(
      sshCommand({
        ...base,
        public_ipaddr: null,
        ports: { '22/tcp': [{ HostIp: null, HostPort: 41022 }] },
      })?.kind,
    ).toBe('proxy')
  })

  it('gives nothing when there is no way in yet', () => {
    expect(
      sshCommand({
        ports: null,
        public_ipaddr: null,
        ssh_host: null,
        ssh_port: null,
        image_runtype: null,
      }),
    ).toBeNull()
  })
})
