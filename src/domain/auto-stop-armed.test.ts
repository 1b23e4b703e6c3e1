import { describe, expect, it } from 'vitest'
import { armedWatchdog, autoStopSnippet, readAutoStop, readWatchdog } from './auto-stop'

const onstart = `${autoStopSnippet('stop', 1_790_000_000)}echo hello`

describe('armedWatchdog: the snippet counts only where Vast runs onstart', () => {
  it('SSH and Jupyter instances run it', () => {
    for (const image_runtype of ['ssh ssh_direc ssh_proxy', 'jupyter jupyter_proxy ssh_proxy']) {
      const instance = { label: null, onstart, image_runtype }
      expect(armedWatchdog(instance)).toEqual(readWatchdog(instance))
      expect(readAutoStop(instance)).toEqual({ action: 'stop', deadlineSec: 1_790_000_000 })
    }
  })

  it('an args instance (or one whose mode Vast did not send) carries it, unarmed', () => {
    for (const image_runtype of ['args', null, undefined]) {
      const instance = { label: null, onstart, image_runtype }
      expect(readWatchdog(instance)).not.toBeNull()
      expect(armedWatchdog(instance)).toBeNull()
      expect(readAutoStop(instance)).toBeNull()
    }
  })

  it('no snippet, nothing armed', () => {
    expect(armedWatchdog({ label: null, onstart: 'echo hi', image_runtype: 'ssh' })).toBeNull()
  })
})
