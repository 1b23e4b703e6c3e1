import { useQuery } from '@tanstack/react-query'
import { useId, useState, type ReactNode } from 'react'
import { accountLabel, useAccounts } from '../api/api-key-store'
import { instanceQueries } from '../api/instances/queries'
import { AllAccountsView } from './all-accounts-view'
import { Button } from '../ui/button'
import { formatRate } from '../domain/format'
import { SelectField } from '../ui/select-field'
import { Field } from '../ui/field'
import { BulkBar } from './bulk-bar'
import { BurnHeader } from './burn-header'
import {
  CARD_SORTS,
  DEFAULT_VIEW,
  STATUS_FILTERS,
  filterAndSort,
  type CardView,
} from './card-filter'
import { InstanceCard } from './instance-card'
import { InstanceTable } from './instance-table'
import { LayoutChoice } from './layout-choice'
import { useInstancesLayout } from './layout-store'
import { formatClock } from './instance-view'
import { runningSummary } from '../domain/money/burn'
import { SpendGuardsForm } from './spend-guards-form'
import { StillBilling } from './still-billing'
import { useStatusAnnouncement } from './use-status-announcement'
import { Notice } from '../ui/notice'
import { WatchdogSavedTotal } from './watchdog-panel'
import { SavedAnswerNotice } from '../ui/saved-answer-notice'
import { useSavedListAt } from './saved-list'

export interface InstancesPageProps {
  /** The instance to scroll to and focus once it is listed (e.g. just rented). */
  highlightId?: number | null
}

/** Live instances, polled fast while any is changing and slowly once all have settled. */
export function InstancesPage({ highlightId = null }: InstancesPageProps) {
  const headingId = useId()
  const query = useQuery(instanceQueries.list())
  const { data, error, isError, isFetching, dataUpdatedAt } = query
  const savedAt = useSavedListAt()
  const announcement = useStatusAnnouncement(savedAt === null ? data?.instances : undefined)
  const [view, setView] = useState<CardView>(DEFAULT_VIEW)
  const [selectedIds, setSelectedIds] = useState<ReadonlySet<number>>(() => new Set())
  const layout = useInstancesLayout()
  const accounts = useAccounts()
  const accountCount = accounts.length
  const active = accounts.find((a) => a.active)

  let body: ReactNode
  if (data) {
    const all = data.instances
    const instances = filterAndSort(all, view)
    const { running, perHour } = runningSummary(all)
    // Only instances still listed count as selected (a destroyed one drops out by itself).
    const selected = all.filter((i) => selectedIds.has(i.id))
    const toggle = (id: number, on: boolean) =>
      setSelectedIds((prev) => {
        const next = new Set(prev)
        if (on) next.add(id)
        else next.delete(id)
        return next
      })
    body = (
      <>
        {savedAt !== null && (
          <SavedAnswerNotice at={savedAt}>
            Stop, Start, Destroy and the other actions wait for the current state.
          </SavedAnswerNotice>
        )}
        {isError && (
          <Notice as="p" tone="neutral" className="text-text-soft">
            Couldn&apos;t refresh; showing data from {formatClock(dataUpdatedAt)}.
            {error && <span className="text-muted"> {error.message}</span>}
          </Notice>
        )}
        {data.dropped > 0 && (
          <Notice as="p" tone="warning">
            {data.dropped === 1
              ? '1 instance could not be read and is not shown.'
              : `${data.dropped} instances could not be read and are not shown.`}{' '}
            Check them in the Vast console.
          </Notice>
        )}
        {data.truncated && (
          <Notice as="p" tone="warning">
            Only the first {data.instances.length} instances are shown; the account has more than
            this page can list.
          </Notice>
        )}
        <BurnHeader instances={all} />
        <StillBilling instances={all} />
        <WatchdogSavedTotal instances={all} />
        {all.length === 0 ? (
          <p className="rounded-lg border border-dashed border-border-strong bg-surface px-4 py-8 text-center text-sm text-text-soft">
            No instances yet. Rent an offer to start one.
          </p>
        ) : (
          <>
            <div className="flex flex-wrap items-end gap-3">
              <SelectField
                label="Show"
                options={STATUS_FILTERS}
                value={view.status}
                onValueChange={(status) => setView((v) => ({ ...v, status }))}
              />
              <Field
                label="Filter by label, GPU or image"
                className="w-64"
                type="search"
                value={view.text}
                onChange={(event) => setView((v) => ({ ...v, text: event.target.value }))}
              />
              <SelectField
                label="Sort"
                options={CARD_SORTS}
                value={view.sort}
                onValueChange={(sort) => setView((v) => ({ ...v, sort }))}
              />
              <LayoutChoice />
            </div>
            <BulkBar
              selected={selected}
              onDone={() => setSelectedIds(new Set())}
              onClear={() => setSelectedIds(new Set())}
            />
            <p className="text-sm text-text-soft">
              {instances.length !== all.length && `Showing ${instances.length} of `}
              {all.length === 1 ? '1 instance' : `${all.length} instances`}
              {' · '}
              {running} running{running > 0 ? ` at ${formatRate(perHour)} together` : ''}
            </p>
            {layout === 'table' ? (
              <InstanceTable
                instances={instances}
                highlightId={highlightId}
                selectedIds={selectedIds}
                onSelectedChange={toggle}
                labelledBy={headingId}
              />
            ) : (
              <ul aria-labelledby={headingId} className="grid gap-3 md:grid-cols-2 xl:grid-cols-3">
                {instances.map((instance) => (
                  <li key={instance.id} className="min-w-0">
                    <InstanceCard
                      instance={instance}
                      highlighted={instance.id === highlightId}
                      selected={selectedIds.has(instance.id)}
                      onSelectedChange={(on) => toggle(instance.id, on)}
                    />
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
        <SpendGuardsForm />
      </>
    )
  } else if (error) {
    body = (
      <Notice
        role="alert"
        tone="danger"
        className="flex flex-wrap items-center justify-between gap-3"
      >
        <span>{error.message}</span>
        <Button size="sm" onClick={() => void query.refetch()} disabled={isFetching}>
          Retry
        </Button>
      </Notice>
    )
  } else {
    body = (
      <p role="status" className="text-sm text-text-soft">
        Loading instances…
      </p>
    )
  }

  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 id={headingId} className="text-xl font-semibold text-text">
          Instances
        </h1>
        {data && (
          <div className="flex items-center gap-2 text-xs text-muted">
            <span>Updated {formatClock(dataUpdatedAt)}</span>
            <Button
              size="sm"
              variant="ghost"
              aria-busy={isFetching || undefined}
              onClick={() => void query.refetch()}
            >
              Refresh
            </Button>
          </div>
        )}
      </div>
      <p role="status" className="sr-only">
        {announcement}
      </p>
      <AllAccountsView />
      {active && accountCount > 1 && (
        <h2 className="text-base font-semibold text-text">
          {accountLabel(active)} (active account)
        </h2>
      )}
      {body}
    </section>
  )
}
