import type { ReactNode } from 'react'
import { formatAsOf } from '../domain/format'
import { Notice } from './notice'

/**
 * "As of 14:02": what is shown was kept on this device from an earlier visit and Vast has not
 * answered yet. `children` says what waits for the fresh answer.
 */
export function SavedAnswerNotice({ at, children }: { at: number; children: ReactNode }) {
  return (
    <Notice as="p" role="status" tone="neutral" className="text-text-soft">
      <span className="font-medium text-text">As of {formatAsOf(at)}</span>, saved on this device;
      checking with Vast… {children}
    </Notice>
  )
}
