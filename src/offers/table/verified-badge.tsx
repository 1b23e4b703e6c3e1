import { StatusBadge } from '../../ui/status-badge'

/** Whether Vast has verified the machine, as a badge. */
export function VerifiedBadge({ verified }: { verified: boolean }) {
  return verified ? (
    <StatusBadge tone="success" icon="✓">
      Verified
    </StatusBadge>
  ) : (
    <StatusBadge tone="warning" icon="!">
      Unverified
    </StatusBadge>
  )
}
