import { queryOptions } from '@tanstack/react-query'
import { searchTemplates, type TemplateScope } from './endpoints'

export const templateQueries = {
  all: () => ['templates'] as const,
  /** "Mine" waits for the account id (from accountQueries.current()). */
  search: (scope: TemplateScope, userId: number | undefined) =>
    queryOptions({
      queryKey: [...templateQueries.all(), 'search', scope, scope === 'mine' ? userId : null],
      queryFn: ({ signal }) => searchTemplates({ scope, userId, signal }),
      enabled: scope !== 'mine' || userId !== undefined,
      // Searches are 3 s apart at best and templates change rarely.
      staleTime: 5 * 60_000,
    }),
}
