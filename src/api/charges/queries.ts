import { queryOptions } from '@tanstack/react-query'
import { presetRange, dayOf, type DayRange } from '../../domain/spending/range'
import { fetchPayments } from '../invoices/endpoints'
import { loadCharges } from './cache'

const todayUtc = () => dayOf(Date.now() / 1000)

/** How often the header's budget check reads this month's charges again. */
export const BUDGET_CHECK_MS = 10 * 60_000

export const chargeQueries = {
  all: () => ['charges'] as const,
  range: (range: DayRange) =>
    queryOptions({
      queryKey: [...chargeQueries.all(), 'range', range],
      queryFn: ({ signal }) => loadCharges(range, todayUtc(), { signal }),
      staleTime: 5 * 60_000,
    }),
  /** This month so far, for budgets: refreshed every 10 minutes while the page is visible. */
  month: () =>
    queryOptions({
      ...chargeQueries.range(presetRange('month', todayUtc())),
      refetchInterval: BUDGET_CHECK_MS,
      refetchIntervalInBackground: false,
    }),
}

export const paymentQueries = {
  all: () => ['payments'] as const,
  range: (range: DayRange) =>
    queryOptions({
      queryKey: [...paymentQueries.all(), 'range', range],
      queryFn: ({ signal }) => fetchPayments(range, signal),
      staleTime: 5 * 60_000,
    }),
}
