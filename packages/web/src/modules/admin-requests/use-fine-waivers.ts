import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { readFragment, type ResultOf, type VariablesOf } from '../../app/graphql.js';
import { appendPage } from '../history/paging.js';
import { FineWaiverFieldsFragment, FineWaiversQuery, waiverPageSize } from './graphql/requests.js';

export type WaiverStatus = NonNullable<VariablesOf<typeof FineWaiversQuery>['status']>;
export type FineWaiver = ResultOf<typeof FineWaiverFieldsFragment>;

/** What earlier pages gave under one filter, and the cursor of the page shown after them. */
interface Progress {
  readonly key: string;
  readonly earlier: readonly FineWaiver[];
  readonly after: string | null;
}

/**
 * The town's waiver requests of one status (null: all), a page at a time: 'show more' asks the
 * page after the last cursor and keeps the rows above. Another filter, or `restart` after a
 * change, starts again at the first page (a decided request leaves the pending list).
 */
export function useFineWaivers(status: WaiverStatus | null) {
  const [generation, setGeneration] = useState(0);
  const key = `${status ?? 'all'} ${generation}`;
  const initial: Progress = { key, earlier: [], after: null };
  const [stored, setProgress] = useState<Progress>(initial);
  const progress = stored.key === key ? stored : initial;
  // An empty list names no type that a new request would refresh.
  const context = useMemo(() => ({ additionalTypenames: ['FineWaiver'] }), []);
  const [result] = useQuery({
    query: FineWaiversQuery,
    variables: { status, first: waiverPageSize, after: progress.after },
    context,
  });
  // urql keeps the previous answer while the next loads: only the page asked for counts.
  const asked = result.operation?.variables;
  const page =
    result.data && asked?.after === progress.after && (asked?.status ?? null) === status
      ? result.data.fineWaivers
      : null;
  const current = page && {
    ...page,
    edges: page.edges.map((edge) => ({ node: readFragment(FineWaiverFieldsFragment, edge.node) })),
  };
  const waivers = appendPage(progress.earlier, current);
  return {
    waivers,
    totalCount: page?.totalCount ?? null,
    hasMore: page?.pageInfo.hasNextPage ?? false,
    loading: !page && !result.error,
    error: result.error,
    showMore: () => {
      if (!page?.pageInfo.endCursor) return;
      setProgress({ key, earlier: waivers, after: page.pageInfo.endCursor });
    },
    restart: () => setGeneration((n) => n + 1),
  };
}
