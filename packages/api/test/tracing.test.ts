// OpenTelemetry traces: the API as a process of its own on PostgreSQL, loaded with the tracing
// register file as `npm start` does, exporting OTLP/HTTP (JSON) to a receiver of this test.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/database.js';
import { createScratchPostgres, type ScratchPostgres } from '../src/db/scratch-postgres.js';
import { demoPassword, seedDemo } from '../src/seed/demo-seed.js';
import { startApiProcess, type ApiProcess } from './api-process.js';
import { loggedIn } from './login.js';
import { testDialects } from './test-databases.js';

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: { key: string; value: Record<string, unknown> }[];
}

// On the PostgreSQL half of a run (API_TEST_DIALECTS); testDialects fails under CI without it.
const runs = (await testDialects()).includes('postgresql');

/** An OTLP/HTTP collector on loopback: keeps the JSON bodies posted to /v1/traces. */
function otlpReceiver(): Promise<{ server: Server; url: string; bodies: unknown[] }> {
  const bodies: unknown[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks);
      const body = request.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw;
      if (request.url === '/v1/traces') bodies.push(JSON.parse(body.toString('utf8')));
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, url: `http://127.0.0.1:${port}`, bodies });
    }),
  );
}

function spansOf(bodies: unknown[]): OtlpSpan[] {
  return (bodies as { resourceSpans: { scopeSpans: { spans: OtlpSpan[] }[] }[] }[]).flatMap(
    (body) =>
      body.resourceSpans.flatMap((resource) => resource.scopeSpans.flatMap((scope) => scope.spans)),
  );
}

function attribute(span: Pick<OtlpSpan, 'attributes'>, key: string): unknown {
  const value = span.attributes.find((entry) => entry.key === key)?.value;
  return value && Object.values(value)[0];
}

const rightCheck = `query ($input: RightCheckInput!) { rightCheck(input: $input) { valid plate } }`;
const plate = 'GB123K';

describe.skipIf(!runs)('traces exported over OTLP', () => {
  let scratch: ScratchPostgres;
  let receiver: Awaited<ReturnType<typeof otlpReceiver>>;
  let api: ApiProcess;

  beforeAll(async () => {
    scratch = await createScratchPostgres();
    const orm = await openDatabase({ databaseUrl: scratch.url });
    try {
      await seedDemo(orm.em.fork(), new Date());
    } finally {
      await orm.close(true);
    }
    receiver = await otlpReceiver();
    api = await startApiProcess(
      {
        PORT: '0',
        DATABASE_URL: scratch.url,
        SEED_DEMO: 'false',
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
        // Batches go out at once rather than after 5 s.
        OTEL_BSP_SCHEDULE_DELAY: '10',
        // The request's own line is at debug when it succeeded.
        LOG_LEVEL: 'debug',
      },
      // Hooking every require of the start takes a while on a busy machine.
      { nodeArgs: ['--import', './dist/observability/tracing.js'], startTimeoutMs: 120_000 },
    );
  }, 180_000);

  afterAll(async () => {
    await api?.stop();
    receiver?.server.close();
    await scratch?.drop();
  });

  it('has the HTTP request, the GraphQL operation and its PostgreSQL queries in one trace, without the plate, and its log line names the trace', async () => {
    const requestId = 'traced-right-check';
    const officer = await loggedIn(api.url, 'handhaving@demo.parkeer.nl', {
      'x-request-id': requestId,
    });
    const answer = await officer.request<{ rightCheck: { plate: string } }>(rightCheck, {
      input: { plate, zone: 'B', municipality: 'delft' },
    });
    expect(answer.data?.rightCheck.plate).toBe('GB-123-K');

    // Spans arrive in batches: wait until the right-check's HTTP span is there.
    const isRightCheckRequest = (span: OtlpSpan) =>
      span.kind === 2 && attribute(span, 'graphql.operation.name') === 'rightCheck';
    await expect
      .poll(() => spansOf(receiver.bodies).some(isRightCheckRequest), { timeout: 20_000 })
      .toBe(true);
    const spans = spansOf(receiver.bodies);
    const http = spans.find(isRightCheckRequest)!;
    const trace = spans.filter((span) => span.traceId === http.traceId);
    // The execute span of the GraphQL instrumentation, named after the operation's type.
    expect(trace.some((span) => attribute(span, 'graphql.operation.type') === 'query')).toBe(true);
    const queries = trace.filter((span) => attribute(span, 'db.system.name') === 'postgresql');
    expect(queries.length).toBeGreaterThan(0);
    // Statement text only, never its parameters; no document text, no variables.
    const exported = JSON.stringify(receiver.bodies);
    expect(exported.includes(plate)).toBe(false);
    expect(exported.includes('GB-123-K')).toBe(false);
    expect(exported.includes(demoPassword)).toBe(false);
    const resource = (
      receiver.bodies[0] as { resourceSpans: { resource: Pick<OtlpSpan, 'attributes'> }[] }
    ).resourceSpans[0]!.resource;
    expect(attribute(resource, 'service.name')).toBe('parkeer-api');
    expect(attribute(resource, 'service.version')).toMatch(/^\d+\.\d+\.\d+/);

    const lines = api
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    // The login before it came with the same id: the right-check's line is the last.
    const requestLine = lines
      .filter((line) => line.requestId === requestId && line.msg === 'request')
      .at(-1);
    expect(requestLine?.trace_id).toBe(http.traceId);
  }, 60_000);
});
