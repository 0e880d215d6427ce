/** A Relay connection as the history queries return it. */
export interface Connection<Node> {
  readonly totalCount: number;
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
  readonly edges: readonly { readonly node: Node }[];
}

/**
 * The rows shown so far with the next page after them. A row can come twice when the list
 * moved between two pages (a session ended in between): it is shown once, where it came first.
 */
export function appendPage<Node extends { readonly id: string }>(
  shown: readonly Node[],
  page: Connection<Node> | null | undefined,
): Node[] {
  if (!page) return [...shown];
  const seen = new Set(shown.map((node) => node.id));
  return [...shown, ...page.edges.map((edge) => edge.node).filter((node) => !seen.has(node.id))];
}
