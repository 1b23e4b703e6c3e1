import type { HTMLAttributes } from 'react'
import { cn } from './cn'
import { TONE_BOX, type Tone } from './tone'

export interface NoticeProps extends HTMLAttributes<HTMLDivElement> {
  tone?: Tone
}

/**
 * A tinted message box. The caller picks the role: `alert` for a failure the user must see now,
 * `status` for news announced politely, none for standing text.
 */
export function Notice({ tone = 'info', className, ...props }: NoticeProps) {
  return (
    <div
      className={cn('rounded-md border px-3 py-2 text-sm', TONE_BOX[tone], className)}
      {...props}
    />
  )
}
