import { useEffect, useId, useRef, useState } from 'react'
import { sshCommand, uiStatus } from '../domain/instance-status'
import type { Instance } from '../api/instances/schemas'
import { Button } from '../ui/button'

const NOTICE_MS = 4_000

const KIND_TEXT = {
  direct: 'Direct connection',
  proxy: 'Through the Vast SSH proxy (slower)',
} as const

/** Copies the text, or selects it for Ctrl+C when the clipboard API is missing or refused. */
export async function copyText(
  text: string,
  element: HTMLElement | null,
): Promise<'copied' | 'selected'> {
  try {
    if (typeof navigator.clipboard?.writeText !== 'function') throw new Error('no clipboard')
    await navigator.clipboard.writeText(text)
    return 'copied'
  } catch {
    const selection = window.getSelection()
    if (element && selection) selection.selectAllChildren(element)
    return 'selected'
  }
}

/** The SSH command of a running instance with a Copy button; nothing for other states. */
export function SshCommand({ instance }: { instance: Instance }) {
  const ssh = sshCommand(instance)
  const labelId = useId()
  const codeRef = useRef<HTMLElement>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const [notice, setNotice] = useState('')

  useEffect(() => () => clearTimeout(timer.current), [])

  if (!ssh || uiStatus(instance) !== 'running') return null
  const { command, kind } = ssh

  const copy = async () => {
    const result = await copyText(command, codeRef.current)
    setNotice(result === 'copied' ? 'Copied' : 'Press Ctrl+C to copy')
    clearTimeout(timer.current)
    timer.current = setTimeout(() => setNotice(''), NOTICE_MS)
  }

  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-baseline justify-between gap-2">
        <span id={labelId} className="text-xs font-medium text-text-soft">
          SSH command
        </span>
        <span className="text-xs text-muted">{KIND_TEXT[kind]}</span>
      </div>
      <div className="flex items-stretch gap-2">
        <code
          ref={codeRef}
          aria-labelledby={labelId}
          className="min-w-0 flex-1 overflow-x-auto rounded border border-border bg-surface-muted px-2 py-1 font-mono text-xs whitespace-nowrap text-text"
        >
          {command}
        </code>
        <Button size="sm" aria-label="Copy SSH command" onClick={() => void copy()}>
          Copy
        </Button>
      </div>
      <p role="status" className="min-h-4 text-xs text-text-soft">
        {notice}
      </p>
    </div>
  )
}
