import { useState } from 'react';
import { useQuery } from 'urql';
import { readFragment, type ResultOf } from '../../../app/graphql.js';
import { appendPage } from '../../history/paging.js';
import {
  ApplicationRowFieldsFragment,
  applicationsPageSize,
  PermitApplicationsQuery,
} from '../graphql/applications.js';

export type ApplicationRow = ResultOf<typeof ApplicationRowFieldsFragment>;
/** A status to filter on, or every application ('all'). */
export type StatusFilter = ApplicationRow['status'] | 'all';

interface Progress {
  readonly filter: StatusFilter;
  readonly earlier: readonly ApplicationRow[];
  readonly after: string | null;
}

/**
 * The town's applications with one status (or all), newest first, a page at a time: 'show
 * more' asks the page after the last cursor and keeps the rows above. Another filter starts
 * at its first page.
 */
export function useApplications(filter: StatusFilter) {
  const initial: Progress = { filter, earlier: [], after: null };
  const [stored, setProgress] = useState<Progress>(initial);
  const progress = stored.filter === filter ? stored : initial;
  const status = filter === 'all' ? null : filter;
  const [result] = useQuery({
    query: PermitApplicationsQuery,
    variables: { status, first: applicationsPageSize, after: progress.after },
    // Decided on the detail page: the queue shows it as it is now when the official comes back.
    requestPolicy: 'cache-and-network',
  });
  const asked = result.operation?.variables;
  const connection =
    result.data && asked?.after === progress.after && asked.status === status
      ? result.data.permitApplications
      : null;
  const page = connection && {
    ...connection,
    edges: connection.edges.map((edge) => ({
      node: readFragment(ApplicationRowFieldsFragment, edge.node),
    })),
  };
  const applications = appendPage(progress.earlier, page);
  return {
    applications,
    totalCount: page?.totalCount ?? null,
    hasMore: page?.pageInfo.hasNextPage ?? false,
    loading: !page && !result.error,
    error: result.error,
    showMore: () => {
      if (!page?.pageInfo.endCursor) return;
      setProgress({ filter, earlier: applications, after: page.pageInfo.endCursor });
    },
  };
}
