/** Name and version of the running API, as the `about` query returns them. */
export type About = { name: string; version: string };

export const aboutQuery = /* GraphQL */ `
  query About {
    about {
      name
      version
    }
  }
`;

/**
 * Asks the API which version runs. A plain POST until the urql client arrives; POST with a JSON
 * body passes Apollo's CSRF prevention without a preflight header.
 */
export async function fetchAbout(
  fetchFn: typeof fetch = fetch,
  endpoint = '/graphql',
  signal?: AbortSignal,
): Promise<About> {
  const response = await fetchFn(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query: aboutQuery, operationName: 'About' }),
    signal,
  });
  if (!response.ok) throw new Error(`about query failed: HTTP ${response.status}`);

  const body = (await response.json()) as {
    data?: { about?: Partial<About> | null } | null;
    errors?: { message: string }[];
  };
  const about = body.data?.about;
  if (typeof about?.name !== 'string' || typeof about.version !== 'string') {
    throw new Error(`about query failed: ${body.errors?.[0]?.message ?? 'no data'}`);
  }
  return { name: about.name, version: about.version };
}
