import { useState } from 'react';
import { useQuery } from 'urql';
import type { CombinedError } from '@urql/core';
import type { TadaDocumentNode } from 'gql.tada';
import { historyPageSize } from '../graphql/history.js';
import { appendPage, type Connection } from '../paging.js';

interface PageVariables {
  permitId: string;
  first: number;
  after?: string | null;
}

export interface PagedHistory<Node> {
  readonly nodes: readonly Node[];
  /** All rows of the list; null until the first page came. */
  readonly totalCount: number | null;
  readonly hasMore: boolean;
  /** A page is on its way (the first, or the next after 'show more'). */
  readonly loading: boolean;
  readonly error: CombinedError | undefined;
  showMore(): void;
}

/** What earlier pages gave, and the cursor of the page being shown after them. */
interface Progress<Node> {
  readonly permitId: string;
  readonly earlier: readonly Node[];
  readonly after: string | null;
  readonly totalCount: number | null;
}

/**
 * A history list, 10 rows at a time: each 'show more' asks the next page after the last cursor
 * and keeps the rows shown above it (docs/rules.md §8).
 */
export function usePagedHistory<Data, Node extends { readonly id: string }>(
  query: TadaDocumentNode<Data, PageVariables>,
  permitId: string,
  connectionOf: (data: Data) => Connection<Node>,
  pause = false,
): PagedHistory<Node> {
  const initial: Progress<Node> = { permitId, earlier: [], after: null, totalCount: null };
  const [stored, setProgress] = useState<Progress<Node>>(initial);
  // Another product (the route stays mounted): start at its first page.
  const progress = stored.permitId === permitId ? stored : initial;
  const [result] = useQuery({
    query,
    variables: { permitId, first: historyPageSize, after: progress.after },
    pause,
    requestPolicy: 'cache-and-network',
  });
  // urql keeps the previous page's data while the next one loads: only the asked page counts.
  const asked = result.operation?.variables;
  const page =
    result.data && asked?.after === progress.after && asked.permitId === permitId
      ? connectionOf(result.data)
      : null;
  const nodes = appendPage(progress.earlier, page);
  return {
    nodes,
    totalCount: page?.totalCount ?? progress.totalCount,
    hasMore: page?.pageInfo.hasNextPage ?? false,
    loading: !pause && !page && !result.error,
    error: result.error,
    showMore: () => {
      if (!page?.pageInfo.endCursor) return;
      setProgress({
        permitId,
        earlier: nodes,
        after: page.pageInfo.endCursor,
        totalCount: page.totalCount,
      });
    },
  };
}
