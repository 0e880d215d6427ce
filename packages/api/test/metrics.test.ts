// Prometheus metrics at /metrics: scraped before and after operations, in the text exposition
// format, to see the series move (docs/operations.md, "Health, metrics, logs and shutdown").
import { describe, expect, it } from 'vitest';
import { TestClient } from './graphql-client.js';
import { useDemoApi } from './demo-api.js';
import { loggedIn } from './login.js';
import { testDialects } from './test-databases.js';
import { Stream, wsClient } from './ws-client.js';

const dialects = await testDialects();

/** Every sample of a scrape by its series, `name{label="value",…}` as written. */
function parseExposition(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const at = line.lastIndexOf(' ');
    samples.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return samples;
}

const rightCheck = `query ($input: RightCheckInput!) { rightCheck(input: $input) { plate valid } }`;
const rightCheckBatch = `query ($input: RightCheckBatchInput!) {
  rightCheckBatch(input: $input) { __typename }
}`;
const sessionEvents = `subscription { sessionEvents { __typename } }`;

describe.each(dialects)('/metrics on %s', (dialect) => {
  const api = useDemoApi(dialect);
  const scrape = async () => {
    const response = await fetch(`${api.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    return parseExposition(await response.text());
  };
  const moved = (before: Map<string, number>, after: Map<string, number>, series: string) =>
    (after.get(series) ?? 0) - (before.get(series) ?? 0);

  it('counts right-checks by outcome and batch size, and operations by their root field, type and time', async () => {
    const officer = await loggedIn(api.url, 'handhaving@demo.parkeer.nl');
    const before = await scrape();
    const single = await officer.request(rightCheck, {
      input: { plate: 'XX-999-X', zone: 'B', municipality: 'delft' },
    });
    expect(single.errors).toBeUndefined();
    const batch = await officer.request(rightCheckBatch, {
      input: {
        items: [
          { plate: 'XX-999-X', zone: 'B', municipality: 'delft' },
          // Not a town of this officer: refused in its place.
          { plate: 'XX-999-X', zone: 'centrum', municipality: 'nergensdorp' },
        ],
      },
    });
    expect(batch.errors).toBeUndefined();
    // A client's own operation name is no label: anyone could send a new one each time.
    await officer.request(`query Probe4711 { enforcementPlaces { code } }`);
    const after = await scrape();

    expect(moved(before, after, 'parkeer_right_checks_total{outcome="no_right"}')).toBe(2);
    expect(moved(before, after, 'parkeer_right_checks_total{outcome="refused"}')).toBe(1);
    expect(moved(before, after, 'parkeer_right_check_batch_size_count')).toBe(1);
    expect(moved(before, after, 'parkeer_right_check_batch_size_sum')).toBe(2);
    const operation = (name: string, suffix: string) =>
      `parkeer_graphql_operation_duration_seconds_${suffix}{operation="${name}",type="query"}`;
    expect(moved(before, after, operation('rightCheck', 'count'))).toBe(1);
    expect(moved(before, after, operation('rightCheckBatch', 'count'))).toBe(1);
    expect(moved(before, after, operation('enforcementPlaces', 'count'))).toBe(1);
    // The histogram's buckets hold every answer from 5 s on.
    expect(
      moved(
        before,
        after,
        'parkeer_graphql_operation_duration_seconds_bucket{le="5",operation="rightCheck",type="query"}',
      ),
    ).toBe(1);
    expect([...after.keys()].some((series) => series.includes('Probe4711'))).toBe(false);
    expect(
      moved(
        before,
        after,
        'parkeer_http_request_duration_seconds_count{method="POST",route="/graphql",status="200"}',
      ),
    ).toBe(3);
  });

  it('counts errors by extensions.code, and an operation it cannot name as unknown', async () => {
    const anonymous = new TestClient(api.url);
    const before = await scrape();
    const refused = await anonymous.request(rightCheck, {
      input: { plate: 'XX-999-X', zone: 'B', municipality: 'delft' },
    });
    expect(refused.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    const broken = await anonymous.request('query { rightCheck(');
    expect(broken.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    const after = await scrape();

    expect(
      moved(
        before,
        after,
        'parkeer_graphql_errors_total{operation="rightCheck",type="query",code="UNAUTHENTICATED"}',
      ),
    ).toBe(1);
    expect(
      moved(
        before,
        after,
        'parkeer_graphql_errors_total{operation="unknown",type="unknown",code="BAD_USER_INPUT"}',
      ),
    ).toBe(1);
  });

  it('counts graphql-ws operations as HTTP ones: queries, mutations and subscriptions by root field, with their errors', async () => {
    const anna = await loggedIn(api.url, 'anna@demo.parkeer.nl');
    const cookie = anna.lastSetCookie!.split(';')[0]!;
    const before = await scrape();
    const client = wsClient(api.url, { cookie });
    const anonymous = wsClient(api.url);
    const streams: Stream[] = [];
    const answer = async (ws: typeof client, query: string) => {
      const stream = new Stream(ws, query, {});
      streams.push(stream);
      return stream.nth(0);
    };
    try {
      // A client's own operation name is no label here either.
      const listed = await answer(client, 'query Probe4712 { sessions { runningCount } }');
      expect(listed.errors).toBeUndefined();
      const stopped = await answer(
        client,
        'mutation { stopSession(id: "00000000-0000-4000-8000-000000000000") { id } }',
      );
      expect(stopped.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
      const broken = await answer(client, 'query { sessions(');
      const brokenCode = (broken.errors?.[0] as { extensions?: { code?: string } }).extensions
        ?.code;
      expect(brokenCode).toBeDefined();
      const refused = await answer(anonymous, sessionEvents);
      const refusedCode = (refused.errors?.[0] as { extensions?: { code?: string } }).extensions
        ?.code;
      expect(refusedCode).toBeDefined();
      const live = new Stream(client, sessionEvents, {});
      streams.push(live);
      const series = (suffix: string, name: string, type: string) =>
        `parkeer_graphql_operation_duration_seconds_${suffix}{operation="${name}",type="${type}"}`;
      // A subscription counts once its stream is set up, while it stays open.
      // Polled for up to 10 s: under CI load a stream's setup can take longer than poll's 1 s.
      await expect
        .poll(
          async () =>
            moved(before, await scrape(), series('count', 'sessionEvents', 'subscription')),
          { timeout: 10_000 },
        )
        .toBe(2);
      expect(live.isOpen).toBe(true);
      const after = await scrape();
      expect(moved(before, after, series('count', 'sessions', 'query'))).toBe(1);
      expect(moved(before, after, series('count', 'stopSession', 'mutation'))).toBe(1);
      expect(moved(before, after, series('count', 'unknown', 'unknown'))).toBe(1);
      const errors = (name: string, type: string, code: string) =>
        `parkeer_graphql_errors_total{operation="${name}",type="${type}",code="${code}"}`;
      expect(moved(before, after, errors('stopSession', 'mutation', 'NOT_FOUND'))).toBe(1);
      expect(moved(before, after, errors('unknown', 'unknown', brokenCode!))).toBe(1);
      expect(moved(before, after, errors('sessionEvents', 'subscription', refusedCode!))).toBe(1);
      expect([...after.keys()].some((name) => name.includes('Probe4712'))).toBe(false);
    } finally {
      for (const stream of streams) await stream.close();
      await client.dispose();
      await anonymous.dispose();
    }
  });

  it('shows open WebSockets and running subscriptions, the database pool and the process', async () => {
    const anna = await loggedIn(api.url, 'anna@demo.parkeer.nl');
    const cookie = anna.lastSetCookie!.split(';')[0]!;
    const before = await scrape();
    const client = wsClient(api.url, { cookie });
    const stream = new Stream(client, sessionEvents, {});
    try {
      await expect
        .poll(async () => (await scrape()).get('parkeer_graphql_subscriptions_active'), {
          timeout: 10_000,
        })
        .toBe((before.get('parkeer_graphql_subscriptions_active') ?? 0) + 1);
      const during = await scrape();
      expect(moved(before, during, 'parkeer_websocket_connections')).toBe(1);
      expect(stream.isOpen).toBe(true);
    } finally {
      await stream.close();
      await client.dispose();
    }
    await expect
      .poll(async () => (await scrape()).get('parkeer_websocket_connections'))
      .toBe(before.get('parkeer_websocket_connections'));
    const after = await scrape();
    expect(after.get('parkeer_graphql_subscriptions_active')).toBe(
      before.get('parkeer_graphql_subscriptions_active'),
    );

    // The pool has opened connections by now: some are used or idle, none waits.
    const pooled =
      (after.get('parkeer_db_pool_connections{state="used"}') ?? 0) +
      (after.get('parkeer_db_pool_connections{state="idle"}') ?? 0);
    expect(pooled).toBeGreaterThan(0);
    expect(after.get('parkeer_db_pool_waiting')).toBe(0);
    expect(after.get('process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(after.has('nodejs_eventloop_lag_seconds')).toBe(true);
  });
});
