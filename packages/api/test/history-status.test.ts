import { beforeAll, describe, expect, it } from 'vitest';
import { Permit } from '../src/model/permit.entity.js';
import type { TestClient } from './graphql-client.js';
import { useDemoApi } from './demo-api.js';
import { loggedIn } from './login.js';
import { testDialects } from './test-databases.js';

/* Review: the history tab shows sessions as of api.now, like the session list does. */

const dialects = await testDialects();
const minute = 60_000;
type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe.each(dialects)('session history status on %s', (dialect) => {
  const api = useDemoApi(dialect);
  let anna: TestClient;
  let annaPermit: string;

  beforeAll(async () => {
    anna = await loggedIn(api.url, 'anna@demo.parkeer.nl');
    annaPermit = (
      await api.orm.em.fork().findOneOrFail(Permit, { holder: { email: 'anna@demo.parkeer.nl' } })
    ).id;
  });

  it('shows a session that reached its end hours ago as ended, not running', async () => {
    const started = await anna.request<Data>(
      `mutation ($input: StartSessionInput!) { startSession(input: $input) {
        ... on SessionAccepted { session { id } } } }`,
      {
        input: {
          productId: annaPermit,
          plate: 'GB-123-K',
          end: new Date(api.now.getTime() + 30 * minute).toISOString(),
          idempotencyKey: 'history-1',
        },
      },
    );
    const id = started.data!.startSession.session.id as string;
    api.now = new Date(api.now.getTime() + 3 * 60 * minute);
    // Nothing settles it in between: there is no scheduled work (src/jobs) yet.
    const list = await anna.request<Data>(
      `query ($p: ID!) { sessions(productId: $p) { runningCount } }`,
      { p: annaPermit },
    );
    expect(list.data?.sessions.runningCount).toBe(0);
    const history = await anna.request<Data>(
      `query ($p: ID!) { sessionHistory(permitId: $p) { edges { node { id status } } } }`,
      { p: annaPermit },
    );
    const node = history.data?.sessionHistory.edges.find(
      (edge: { node: { id: string } }) => edge.node.id === id,
    )?.node;
    expect(node?.status).toBe('ended');
  });
});
