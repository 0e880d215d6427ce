import { useState } from 'react';
import { useQuery } from 'urql';
import { readFragment, type ResultOf } from '../../../app/graphql.js';
import { appendPage } from '../../history/paging.js';
import {
  AdminPermitFieldsFragment,
  AdminPermitsQuery,
  permitSearchPageSize,
} from '../graphql/permits.js';

export type PermitResult = ResultOf<typeof AdminPermitFieldsFragment>;

/** What earlier pages gave for one search, and the cursor of the page shown after them. */
interface Progress {
  readonly search: string;
  readonly earlier: readonly PermitResult[];
  readonly after: string | null;
}

/**
 * The town's permits matching `search`, a page at a time: 'show more' asks the page after the
 * last cursor and keeps the results above. Another search starts at its first page; an empty
 * one asks nothing (the API refuses it).
 */
export function usePermitSearch(search: string) {
  const initial: Progress = { search, earlier: [], after: null };
  const [stored, setProgress] = useState<Progress>(initial);
  const progress = stored.search === search ? stored : initial;
  const [result] = useQuery({
    query: AdminPermitsQuery,
    variables: { search, first: permitSearchPageSize, after: progress.after },
    pause: search === '',
    // A permit blocked or issued on another page shows as it is now when the admin comes back.
    requestPolicy: 'cache-and-network',
  });
  // urql keeps the previous page while the next loads: only the page asked for counts.
  const asked = result.operation?.variables;
  const connection =
    result.data && asked?.after === progress.after && asked.search === search
      ? result.data.adminPermits
      : null;
  const page = connection && {
    ...connection,
    edges: connection.edges.map((edge) => ({
      node: readFragment(AdminPermitFieldsFragment, edge.node),
    })),
  };
  const permits = appendPage(progress.earlier, page);
  return {
    permits,
    totalCount: page?.totalCount ?? null,
    hasMore: page?.pageInfo.hasNextPage ?? false,
    loading: search !== '' && !page && !result.error,
    error: result.error,
    showMore: () => {
      if (!page?.pageInfo.endCursor) return;
      setProgress({ search, earlier: permits, after: page.pageInfo.endCursor });
    },
  };
}
