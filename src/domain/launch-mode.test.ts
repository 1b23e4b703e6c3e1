import { describe, expect, it } from 'vitest'
import { launchModeName, onstartRuns } from './launch-mode'

// docs creating-instances-with-api.mdx "Entrypoint Behavior": onstart runs under Vast's own
// entrypoint (SSH and Jupyter runtypes); `args` keeps the image's entrypoint and never runs it.
describe('onstartRuns', () => {
  it.each([
    'ssh',
    'jupyter',
    'ssh_direc ssh_proxy',
    'jupyter_direc ssh_direc ssh_proxy',
    'jupyter_proxy ssh_proxy',
    'ssh_proxy',
    'ssh_direct',
    'jupyter_direct',
    'ssh ssh_direc ssh_proxy',
    ' SSH ',
  ])('%s runs onstart', (runtype) => {
    expect(onstartRuns(runtype)).toBe(true)
  })

  it.each(['args', 'ARGS', '', '   ', 'sshd', 'argsssh'])('%j does not', (runtype) => {
    expect(onstartRuns(runtype)).toBe(false)
  })

  it('a missing runtype is args (a template’s default): no onstart', () => {
    expect(onstartRuns(null)).toBe(false)
    expect(onstartRuns(undefined)).toBe(false)
  })
})

describe('launchModeName', () => {
  it('names the base mode as Vast lists it', () => {
    expect(launchModeName('args')).toBe('args')
    expect(launchModeName('ssh ssh_direc ssh_proxy')).toBe('ssh')
    expect(launchModeName('jupyter_proxy ssh_proxy')).toBe('jupyter')
    expect(launchModeName(null)).toBe('args')
  })
})
