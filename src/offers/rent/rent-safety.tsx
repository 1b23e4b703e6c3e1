/**
 * The rent dialog's spend guards: the typed confirmation when a rental exceeds them
 * (api/spend-guards). The watchdog's rules are in rent-watchdog.tsx.
 */
import { useQuery } from '@tanstack/react-query'
import { instanceQueries } from '../../api/instances/queries'
import { GUARD_CONFIRM_WORD, guardViolations } from '../../domain/spend-guards'
import { useSpendGuards } from '../../api/spend-guards-store'
import { Field } from '../../ui/field'
import { Notice } from '../../ui/notice'

/** The guards this rental exceeds, counting the instances in the cache-backed list. */
export function useGuardViolations(perHour: number | null): string[] {
  const guards = useSpendGuards()
  const list = useQuery({ ...instanceQueries.list(), enabled: guards.maxInstances !== null })
  return guardViolations(guards, {
    perHour,
    existingInstances: list.data ? list.data.instances.length : null,
  })
}

export function GuardConfirm({
  violations,
  typed,
  onTyped,
}: {
  violations: string[]
  typed: string
  onTyped: (text: string) => void
}) {
  if (violations.length === 0) return null
  return (
    <Notice as="section" aria-label="Spend guard" tone="danger" className="flex flex-col gap-2">
      <ul className="list-disc pl-5">
        {violations.map((v) => (
          <li key={v}>{v}</li>
        ))}
      </ul>
      <Field
        label={`Type ${GUARD_CONFIRM_WORD} to rent anyway`}
        autoComplete="off"
        value={typed}
        onChange={(event) => onTyped(event.target.value)}
      />
    </Notice>
  )
}
