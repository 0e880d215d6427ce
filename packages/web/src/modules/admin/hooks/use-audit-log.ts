import { useState } from 'react';
import { useQuery } from 'urql';
import type { ResultOf, VariablesOf } from '../../../app/graphql.js';
import { appendPage } from '../../history/paging.js';
import { AuditLogQuery, auditPageSize } from '../graphql/admin.js';

export type AuditFilter = NonNullable<VariablesOf<typeof AuditLogQuery>['filter']>;
export type AuditEntry = ResultOf<typeof AuditLogQuery>['auditLog']['edges'][number]['node'];

/** What earlier pages gave under one filter, and the cursor of the page shown after them. */
interface Progress {
  readonly filterKey: string;
  readonly earlier: readonly AuditEntry[];
  readonly after: string | null;
}

/**
 * The audit log under a filter, a page at a time: 'show more' asks the page after the last
 * cursor and keeps the rows above. Another filter starts at its first page.
 */
export function useAuditLog(filter: AuditFilter) {
  const filterKey = JSON.stringify(filter);
  const initial: Progress = { filterKey, earlier: [], after: null };
  const [stored, setProgress] = useState<Progress>(initial);
  const progress = stored.filterKey === filterKey ? stored : initial;
  const [result] = useQuery({
    query: AuditLogQuery,
    variables: { filter, first: auditPageSize, after: progress.after },
  });
  // urql keeps the previous page while the next loads: only the page asked for counts.
  const asked = result.operation?.variables;
  const page =
    result.data && asked?.after === progress.after && JSON.stringify(asked.filter) === filterKey
      ? result.data.auditLog
      : null;
  const entries = appendPage(progress.earlier, page);
  return {
    entries,
    totalCount: page?.totalCount ?? null,
    hasMore: page?.pageInfo.hasNextPage ?? false,
    loading: !page && !result.error,
    error: result.error,
    showMore: () => {
      if (!page?.pageInfo.endCursor) return;
      setProgress({ filterKey, earlier: entries, after: page.pageInfo.endCursor });
    },
  };
}
