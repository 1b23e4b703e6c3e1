import { useId, useState } from 'react'
import { budgetName, type BudgetState } from '../domain/spending/budgets'
import { Button } from '../ui/button'
import { CheckboxField } from '../ui/checkbox-field'
import { cn } from '../ui/cn'
import { Dialog } from '../ui/dialog'
import { Field } from '../ui/field'
import { SelectField } from '../ui/select-field'
import { formatUsd } from '../domain/format'
import { addBudget, removeBudget, setAutoStop, useBudgetLog } from './budget-store'

const SCOPES = [
  { value: 'label', label: 'A label or label prefix' },
  { value: 'account', label: 'The whole account' },
] as const

function AddBudgetForm() {
  const [scope, setScope] = useState<'label' | 'account'>('label')
  const [label, setLabel] = useState('')
  const [prefix, setPrefix] = useState(false)
  const [amount, setAmount] = useState('')
  const value = Number(amount)
  const amountError = amount !== '' && !(value > 0) ? 'Enter an amount above $0.' : null
  const ready = value > 0 && (scope === 'account' || label.trim() !== '')
  return (
    <form
      className="flex flex-wrap items-end gap-3"
      onSubmit={(e) => {
        e.preventDefault()
        if (!ready) return
        addBudget({
          scope,
          label: scope === 'account' ? '' : label.trim(),
          prefix,
          monthlyUsd: value,
        })
        setLabel('')
        setAmount('')
      }}
    >
      <SelectField
        label="Budget for"
        value={scope}
        options={SCOPES}
        onChange={(e) => setScope(e.target.value === 'account' ? 'account' : 'label')}
      />
      {scope === 'label' && (
        <>
          <Field
            label="Label"
            value={label}
            onChange={(e) => setLabel(e.target.value)}
            placeholder="proj-a/"
          />
          <CheckboxField
            label="Every label starting with this"
            checked={prefix}
            onChange={(e) => setPrefix(e.target.checked)}
          />
        </>
      )}
      <Field
        label="Per month (USD)"
        inputMode="decimal"
        value={amount}
        error={amountError}
        onChange={(e) => setAmount(e.target.value)}
        className="w-32"
      />
      <Button type="submit" variant="primary" disabled={!ready}>
        Add budget
      </Button>
    </form>
  )
}

/** Turning auto-stop on asks for the label typed once; after that it acts without asking. */
function AutoStopDialog({ state, onClose }: { state: BudgetState; onClose: () => void }) {
  const [typed, setTyped] = useState('')
  const { budget } = state
  return (
    <Dialog open title="Stop this label's instances at 100%?" onClose={onClose}>
      <form
        className="flex flex-col gap-3"
        onSubmit={(e) => {
          e.preventDefault()
          if (typed.trim() !== budget.label) return
          setAutoStop(budget.id, true)
          onClose()
        }}
      >
        <p className="text-sm">
          When {budgetName(budget).toLowerCase()} reaches {formatUsd(budget.monthlyUsd)} this month,
          this browser will stop every running instance with{' '}
          {budget.prefix ? 'a label starting' : 'the label'} <strong>{budget.label}</strong>,
          without asking again, once a month. Stopped instances keep billing for storage. It only
          acts while this app is open.
        </p>
        <Field
          label={`Type ${budget.label} to turn this on`}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          autoComplete="off"
        />
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="danger" disabled={typed.trim() !== budget.label}>
            Turn on auto-stop
          </Button>
        </div>
      </form>
    </Dialog>
  )
}

function spendText(s: BudgetState, loaded: boolean): string {
  const limit = formatUsd(s.budget.monthlyUsd)
  if (!loaded) return `${limit} a month (this month's spend is loading)`
  const note = s.level === 'over' ? ' — over budget' : s.level === 'warning' ? ' — above 80%' : ''
  return `${formatUsd(s.spent)} of ${limit} (${Math.round(s.used * 100)}%)${note}`
}

export function BudgetsPanel({
  states,
  loaded,
}: {
  states: readonly BudgetState[]
  loaded: boolean
}) {
  const headingId = useId()
  const [confirming, setConfirming] = useState<BudgetState | null>(null)
  const log = useBudgetLog()
  return (
    <section
      aria-labelledby={headingId}
      className="flex flex-col gap-3 rounded-lg border border-border bg-surface p-3"
    >
      <h2 id={headingId} className="text-base font-semibold text-text">
        Budgets
      </h2>
      <p className="text-xs text-text-soft">
        Budgets are kept in this browser only (not at Vast): another device does not see them, and
        they act only while this app is open. The header warns at 80%; at 100% an event is logged.
      </p>
      <AddBudgetForm />
      {states.length > 0 && (
        <ul className="flex flex-col gap-2">
          {states.map((s) => (
            <li
              key={s.budget.id}
              className="flex flex-col gap-1 rounded-md border border-border p-2"
            >
              <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
                <span className="font-medium">{budgetName(s.budget)}</span>
                <span
                  className={cn(
                    'tabular-nums',
                    s.level === 'over'
                      ? 'text-danger-strong'
                      : s.level === 'warning'
                        ? 'text-warning-text'
                        : 'text-text',
                  )}
                >
                  {spendText(s, loaded)}
                </span>
              </div>
              <meter
                min={0}
                max={s.budget.monthlyUsd}
                low={s.budget.monthlyUsd * 0.8}
                high={s.budget.monthlyUsd * 0.99}
                optimum={0}
                value={Math.min(s.spent, s.budget.monthlyUsd)}
                aria-label={`${budgetName(s.budget)} used`}
                className="w-full"
              />
              <div className="flex flex-wrap gap-2">
                {s.budget.scope === 'label' &&
                  (s.budget.autoStop ? (
                    <Button size="sm" onClick={() => setAutoStop(s.budget.id, false)}>
                      Turn off auto-stop for {s.budget.label}
                    </Button>
                  ) : (
                    <Button size="sm" onClick={() => setConfirming(s)}>
                      Stop {s.budget.label} instances at 100%…
                    </Button>
                  ))}
                <Button size="sm" variant="ghost" onClick={() => removeBudget(s.budget.id)}>
                  Remove budget {budgetName(s.budget)}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {log.length > 0 && (
        <details className="text-sm">
          <summary className="cursor-pointer">What budgets did ({log.length})</summary>
          <ul className="mt-1 flex flex-col gap-1 text-xs text-text">
            {log.map((entry) => (
              <li key={`${entry.at}-${entry.text}`}>
                {new Date(entry.at).toISOString().slice(0, 16).replace('T', ' ')} UTC — {entry.text}
              </li>
            ))}
          </ul>
        </details>
      )}
      {confirming && <AutoStopDialog state={confirming} onClose={() => setConfirming(null)} />}
    </section>
  )
}
