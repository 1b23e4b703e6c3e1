import { useState, type FormEvent } from 'react'
import { saveSpendGuards, useSpendGuards } from '../api/spend-guards-store'
import { Button } from '../ui/button'
import { Field } from '../ui/field'
import { showToast } from '../ui/toast-store'

const parseCap = (text: string, integer: boolean): number | null | 'bad' => {
  const clean = text.trim()
  if (clean === '') return null
  if (!(integer ? /^\d+$/ : /^\d+(\.\d+)?$/).test(clean)) return 'bad'
  const n = Number(clean)
  return n > 0 ? n : 'bad'
}

/** Settings: a $/hr cap per rental and a cap on instances at once (kept on this device). */
export function SpendGuardsForm() {
  const guards = useSpendGuards()
  const [perHour, setPerHour] = useState(guards.maxPerHour?.toString() ?? '')
  const [count, setCount] = useState(guards.maxInstances?.toString() ?? '')
  const [tried, setTried] = useState(false)
  const perHourCap = parseCap(perHour, false)
  const countCap = parseCap(count, true)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    setTried(true)
    if (perHourCap === 'bad' || countCap === 'bad') return
    saveSpendGuards({ maxPerHour: perHourCap, maxInstances: countCap })
    showToast('Spend guards saved', 'success')
  }
  return (
    <details className="rounded-lg border border-border bg-surface p-3 text-sm">
      <summary className="cursor-pointer font-medium text-text">Spend guards</summary>
      <form onSubmit={submit} className="mt-2 flex flex-wrap items-end gap-3">
        <Field
          label="Max $/hr per rental"
          inputMode="decimal"
          value={perHour}
          hint="Empty: no cap."
          error={tried && perHourCap === 'bad' ? 'A positive number of dollars per hour.' : null}
          onChange={(event) => setPerHour(event.target.value)}
        />
        <Field
          label="Max instances at once"
          inputMode="numeric"
          value={count}
          hint="Counts every instance, stopped ones too."
          error={tried && countCap === 'bad' ? 'A whole number, at least 1.' : null}
          onChange={(event) => setCount(event.target.value)}
        />
        <Button type="submit" size="sm" variant="primary">
          Save guards
        </Button>
      </form>
      <p className="mt-2 text-xs text-muted">
        A rental above a cap asks you to type RENT before it is sent.
      </p>
    </details>
  )
}
