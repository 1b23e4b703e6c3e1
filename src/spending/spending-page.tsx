/**
 * The Spending tab: where the money went over a range of UTC days — totals by component, the
 * month so far and its projection, charts per day, label, template and GPU model, the rows
 * behind them, exports, budgets and payments.
 */
import { useQuery } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { chargeQueries } from '../api/charges/queries'
import { uiStatus } from '../domain/instance-status'
import { accountQueries } from '../api/account/queries'
import { instanceQueries } from '../api/instances/queries'
import { groupBy, perDay, projectMonth, stoppedStorage, totals } from '../domain/spending/aggregate'
import type { Charge } from '../domain/spending/ledger'
import { dayOf, presetRange } from '../domain/spending/range'
import { Button } from '../ui/button'
import { formatUsd } from '../domain/format'
import { BudgetsPanel } from './budgets-panel'
import { useBudgetStates } from './budget-watch'
import { BarChart, DailyChart, type BarItem } from './charts'
import { downloadCsv, downloadJson } from './export'
import { rememberGpuModels } from './gpu-memory'
import { LedgerTable } from './ledger-table'
import { PaymentsSection } from './payments-section'
import { useClock } from './use-clock'
import { RangePicker, type RangeChoice } from './range-picker'

type Drill = { by: 'label' | 'template' | 'gpu'; key: string } | null

const NO_LABEL = '(no label)'
const NO_TEMPLATE = '(no template)'
const UNKNOWN_GPU = '(GPU not seen on this device)'

function Figure({ term, value, note }: { term: string; value: string; note?: string }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-muted">{term}</dt>
      <dd className="text-lg font-semibold text-text tabular-nums">{value}</dd>
      {note && <dd className="text-xs text-muted">{note}</dd>}
    </div>
  )
}

const toItems = (groups: ReturnType<typeof groupBy>): BarItem[] =>
  groups.map((g) => ({ ...g, label: g.key }))

export function SpendingPage({ onOpenInstance }: { onOpenInstance: (id: number) => void }) {
  const now = useClock()
  const today = dayOf(now)
  const [choice, setChoice] = useState<RangeChoice>({
    preset: 'month',
    range: presetRange('month', today),
  })
  const [drill, setDrill] = useState<Drill>(null)
  const { range } = choice
  const ledger = useQuery(chargeQueries.range(range))
  const month = useQuery(chargeQueries.month())
  const instances = useQuery(instanceQueries.list())
  const account = useQuery({ ...accountQueries.current(), refetchOnMount: false })
  const budgets = useBudgetStates()

  const list = instances.data?.instances
  const gpuOf = useMemo(
    () => rememberGpuModels((list ?? []).map((i) => ({ id: i.id, gpu: i.gpu_name ?? null }))),
    [list],
  )
  const liveIds = useMemo(() => new Set((list ?? []).map((i) => i.id)), [list])
  const stoppedIds = useMemo(
    () => new Set((list ?? []).filter((i) => uiStatus(i) === 'stopped').map((i) => i.id)),
    [list],
  )
  const templateNames = useMemo(() => {
    const names = new Map<number, string>()
    for (const i of list ?? [])
      if (typeof i.template_id === 'number' && i.template_name)
        names.set(i.template_id, i.template_name)
    return names
  }, [list])

  const charges = useMemo<readonly Charge[]>(() => ledger.data?.charges ?? [], [ledger.data])
  const keyOf = useMemo(
    () => ({
      label: (c: Charge) => c.label ?? NO_LABEL,
      template: (c: Charge) =>
        c.templateId === null
          ? NO_TEMPLATE
          : (templateNames.get(c.templateId) ?? `Template ${c.templateId}`),
      gpu: (c: Charge) =>
        (c.instanceId !== null ? gpuOf[String(c.instanceId)] : undefined) ?? UNKNOWN_GPU,
    }),
    [templateNames, gpuOf],
  )
  const view = useMemo(() => {
    const sum = totals(charges)
    return {
      sum,
      days: perDay(charges, range),
      byLabel: toItems(groupBy(charges, keyOf.label)),
      byTemplate: toItems(groupBy(charges, keyOf.template)),
      byGpu: toItems(groupBy(charges, keyOf.gpu)),
      stopped: stoppedStorage(charges, stoppedIds),
    }
  }, [charges, range, keyOf, stoppedIds])
  const projection = month.data ? projectMonth(month.data.charges, now) : null
  const drilled = drill ? charges.filter((c) => keyOf[drill.by](c) === drill.key) : charges

  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-xl font-semibold text-text">Spending</h1>
        <RangePicker
          value={choice}
          today={today}
          onChange={(next) => {
            setChoice(next)
            setDrill(null)
          }}
        />
      </div>
      {ledger.isPending && (
        <p role="status" className="text-sm text-text-soft">
          Loading charges for {range.from} to {range.to}…
        </p>
      )}
      {ledger.isError && (
        <p role="alert" className="text-sm text-danger-strong">
          Charges could not be loaded: {ledger.error.message}
        </p>
      )}
      {ledger.data && (
        <>
          <section aria-label="Totals" className="rounded-lg border border-border bg-surface p-3">
            <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
              <Figure
                term={`Spent ${range.from} to ${range.to}`}
                value={formatUsd(view.sum.total)}
                note={`${charges.length} rows`}
              />
              <Figure term="GPU" value={formatUsd(view.sum.gpu)} />
              <Figure
                term="Storage"
                value={formatUsd(view.sum.storage)}
                note={`${formatUsd(view.stopped)} while not running`}
              />
              <Figure term="Bandwidth" value={formatUsd(view.sum.bandwidth)} />
              <Figure
                term="Month to date"
                value={projection ? formatUsd(projection.monthToDate) : '…'}
              />
              <Figure
                term="Month-end projection"
                value={projection ? formatUsd(projection.monthEnd) : '…'}
                note={
                  projection
                    ? `at the last 24 hours' ${formatUsd(projection.perDay)}/day`
                    : undefined
                }
              />
              <Figure
                term="Credit now"
                value={account.data ? formatUsd(account.data.credit) : '…'}
              />
            </dl>
            {view.stopped > 0 && (
              <p className="mt-2 text-sm text-warning-text">
                {formatUsd(view.stopped)} of this went on storage for instances that were not
                running.
              </p>
            )}
            {(ledger.data.dropped > 0 || ledger.data.truncated) && (
              <p className="mt-2 text-sm text-warning-text">
                {ledger.data.dropped > 0 &&
                  `${ledger.data.dropped} rows could not be read and are left out. `}
                {ledger.data.truncated && 'The answer was cut short: the totals are a floor.'}
              </p>
            )}
            <p className="mt-2 text-xs text-muted">
              {ledger.data.cachedDays > 0
                ? `${ledger.data.cachedDays} past days read from this device; the rest fetched from Vast.`
                : 'Fetched from Vast.'}
            </p>
          </section>
          <DailyChart days={view.days} />
          <div className="grid gap-3 lg:grid-cols-3">
            <BarChart
              title="By label"
              items={view.byLabel}
              onPick={(key) => setDrill({ by: 'label', key })}
            />
            <BarChart
              title="By template"
              items={view.byTemplate}
              onPick={(key) => setDrill({ by: 'template', key })}
            />
            <BarChart
              title="By GPU model"
              items={view.byGpu}
              onPick={(key) => setDrill({ by: 'gpu', key })}
            />
          </div>
        </>
      )}
      <BudgetsPanel states={budgets.states} loaded={budgets.loaded} />
      {ledger.data && (
        <>
          <section aria-label="Charges" className="flex flex-col gap-2">
            <div className="flex flex-wrap items-center gap-2">
              <Button size="sm" onClick={() => downloadCsv(charges, range)}>
                Export CSV
              </Button>
              <Button size="sm" onClick={() => downloadJson(charges, range)}>
                Export JSON
              </Button>
              {drill && (
                <Button size="sm" variant="ghost" onClick={() => setDrill(null)}>
                  Show all rows
                </Button>
              )}
            </div>
            <LedgerTable
              key={drill ? `${drill.by}:${drill.key}` : 'all'}
              charges={drilled}
              caption={
                drill
                  ? `Charges for ${drill.key}: ${formatUsd(totals(drilled).total)}`
                  : `Charges ${range.from} to ${range.to}`
              }
              liveIds={liveIds}
              onOpenInstance={onOpenInstance}
              onPickLabel={(key) => setDrill({ by: 'label', key })}
            />
          </section>
          <PaymentsSection
            now={now}
            range={range}
            today={today}
            charges={charges}
            credit={account.data?.credit ?? null}
          />
        </>
      )}
    </div>
  )
}
