import type { HTMLAttributes } from 'react'
import { cn } from './cn'
import { TONE_BOX, type Tone } from './tone'

export interface NoticeProps extends HTMLAttributes<HTMLElement> {
  tone?: Tone
  /** `section` (with an aria-label) makes a named region; `p` for a one-sentence message. */
  as?: 'div' | 'section' | 'p'
}

/**
 * A tinted message box. The caller picks the role: `alert` for a failure the user must see now,
 * `status` for news announced politely, none for standing text.
 */
export function Notice({ tone = 'info', as: Tag = 'div', className, ...props }: NoticeProps) {
  return (
    <Tag
      className={cn('rounded-md border px-3 py-2 text-sm', TONE_BOX[tone], className)}
      {...props}
    />
  )
}
