/** The semantic tones a message or badge can take (colours from the theme tokens). */
export type Tone = 'neutral' | 'info' | 'warning' | 'danger' | 'success'

/** Border, background and text of a tinted box in each tone. */
export const TONE_BOX: Record<Tone, string> = {
  neutral: 'border-border bg-surface-muted text-text',
  info: 'border-accent-border bg-accent-soft text-accent-text',
  warning: 'border-warning-border bg-warning-soft text-warning-text',
  danger: 'border-danger-border bg-danger-soft text-danger-text',
  success: 'border-success-border bg-success-soft text-success-text',
}

/** Background and text of a small badge in each tone. */
export const TONE_BADGE: Record<Tone, string> = {
  neutral: 'bg-surface-sunken text-text',
  info: 'bg-accent-soft text-accent-text',
  warning: 'bg-warning-soft text-warning-text',
  danger: 'bg-danger-soft text-danger-text',
  success: 'bg-success-soft text-success-text',
}
