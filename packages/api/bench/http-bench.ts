// `npm run bench -w @parkeer/api`, second part: starting and stopping sessions over loopback (the
// right-check is right-check-bench.ts's, with wrk). A scratch PostgreSQL database gets the demo;
// the API runs in a child process, autocannon here, in this process: its rates are the client's as
// much as the API's, the API's CPU time per request is the figure to compare. Every case runs a
// short warm-up, then the measured run.
//
// Another operation is one more `measure(name, target, path, requests)` call. A request can use
// what an earlier one answered through autocannon's `onResponse` / `setupRequest` and the
// per-connection `context` they share, e.g. start a session, then stop the one just started:
//   await measure('start+stop session', api, graphqlPath, [
//     graphql(startSession, { input }, {
//       onResponse: (status, body, context) => { context.id = JSON.parse(body).data.startSession.id; },
//     }),
//     graphql(stopSession, {}, {
//       setupRequest: (request, context) =>
//         ({ ...request, body: JSON.stringify({ query: stopSession, variables: { id: context.id } }) }),
//     }),
//   ]);
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import autocannon from 'autocannon';
import { openDatabase } from '../src/db/database.js';
import { createScratchPostgres } from '../src/db/scratch-postgres.js';
import { seedDemo } from '../src/seed/demo-seed.js';
import { Account } from '../src/model/account.entity.js';
import { AuthService } from '../src/modules/auth/auth.service.js';
import { productionBenchEnv } from './production-env.js';
import { startProcess, stops, type Target } from './processes.js';
import { graphqlPath } from '../src/server.js';
import { addSessionResidents, benchPlate, type BenchResident } from './bench-data.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const warmUpSeconds = 2;
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
/** BENCH_BREAKDOWN=1 also measures the GraphQL path without the check: HTTP + Apollo, + login. */
const breakdown = process.env.BENCH_BREAKDOWN === '1';

interface CaseResult {
  readonly name: string;
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  /** CPU time the serving process spent per answered request, in milliseconds. */
  readonly cpuPerRequest: number;
  /** 2xx answers during the warm-up and the measured run (for the check-log cross-check). */
  readonly answered: number;
  readonly failed: number;
}

const results: CaseResult[] = [];

/** One case: a warm-up, then `seconds` of load with `connections` connections cycling `requests`. */
async function measure(
  name: string,
  target: Target,
  path: string,
  requests: autocannon.Request[],
): Promise<CaseResult> {
  const options = { url: target.url + path, requests, connections, pipelining: 1 };
  const warmUp = await autocannon({ ...options, duration: warmUpSeconds });
  const cpuBefore = await target.cpuMicros();
  const run = await autocannon({ ...options, duration: seconds });
  const cpu = (await target.cpuMicros()) - cpuBefore;
  const result: CaseResult = {
    name,
    requestsPerSecond: run.requests.average,
    p50: run.latency.p50,
    p99: run.latency.p99,
    cpuPerRequest: cpu / 1000 / Math.max(1, run['2xx']),
    answered: warmUp['2xx'] + run['2xx'],
    failed: run.errors + run.timeouts + run.non2xx,
  };
  results.push(result);
  console.log(
    [
      name.padEnd(28),
      `${result.requestsPerSecond.toFixed(0).padStart(6)} req/s`,
      `p50 ${String(result.p50).padStart(3)} ms`,
      `p99 ${String(result.p99).padStart(3)} ms`,
      `CPU ${result.cpuPerRequest.toFixed(2)} ms/req`,
      result.failed ? `FAILED ${result.failed}` : '',
    ].join('   '),
  );
  return result;
}

const json = (body: unknown, headers: Record<string, string> = {}): autocannon.Request => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

const typename = '{ __typename }';
const startSession = `mutation ($input: StartSessionInput!) {
  startSession(input: $input) {
    __typename ... on SessionAccepted { session { id } } ... on SessionRefused { reason }
  }
}`;
const stopSession = `mutation ($id: ID!) { stopSession(sessionId: $id) { status } }`;

/**
 * Each connection is one resident starting a visitor session (60 minutes, its own plate) and
 * stopping it again, so every start passes the whole decision, the row lock and the ledger.
 */
function startStopRequests(residents: readonly BenchResident[]): autocannon.Request[] {
  let next = 0;
  let plates = 0;
  interface Cycle {
    resident?: BenchResident;
    sessionId?: string;
  }
  const post = (resident: BenchResident, query: string, variables: unknown) => ({
    method: 'POST' as const,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${resident.token}` },
    body: JSON.stringify({ query, variables }),
  });
  return [
    {
      setupRequest: (request, context: Cycle) => {
        context.resident ??= residents[next++ % residents.length]!;
        const { resident } = context;
        return {
          ...request,
          ...post(resident, startSession, {
            input: {
              productId: resident.permitId,
              // A new plate each time: a run can stop between a start and its stop.
              plate: benchPlate(3_000_000 + plates++),
              end: new Date(Date.now() + 60 * 60_000).toISOString(),
              idempotencyKey: randomUUID(),
            },
          }),
        };
      },
      onResponse: (_status, body, context: Cycle) => {
        const answer = JSON.parse(body) as {
          data?: { startSession?: { session?: { id: string } } };
        };
        context.sessionId = answer.data?.startSession?.session?.id;
        if (!context.sessionId) throw new Error(`start refused: ${body}`);
      },
    },
    {
      setupRequest: (request, context: Cycle) => ({
        ...request,
        ...post(context.resident!, stopSession, { id: context.sessionId }),
      }),
    },
  ];
}

/** Each request starts a 60-minute session for a new plate; 9 per household, then the next. */
function startRequests(households: readonly BenchResident[]): autocannon.Request[] {
  let next = 0;
  let plates = 0;
  return [
    {
      setupRequest: (request) => {
        const household = households[Math.floor(next++ / 9) % households.length]!;
        return {
          ...request,
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${household.token}`,
          },
          body: JSON.stringify({
            query: startSession,
            variables: {
              input: {
                productId: household.permitId,
                plate: benchPlate(2_000_000 + plates++),
                end: new Date(Date.now() + 60 * 60_000).toISOString(),
                idempotencyKey: randomUUID(),
              },
            },
          }),
        };
      },
      onResponse: (_status, body) => {
        if (!body.includes('SessionAccepted')) throw new Error(`start refused: ${body}`);
      },
    },
  ];
}

const scratch = await createScratchPostgres();
try {
  const setupStart = performance.now();
  const orm = await openDatabase({ databaseUrl: scratch.url });
  const now = new Date();
  await seedDemo(orm.em.fork(), now);
  const em = orm.em.fork();
  const officer = await em.findOneOrFail(Account, { email: 'handhaving@demo.parkeer.nl' });
  const { token } = await new AuthService(em).issue(officer, 'bearer', false, now);
  const residents = await addSessionResidents(orm.em.fork(), now, connections);
  // Starts alone: a household may have at most 10 sessions at once, so the load moves on to
  // the next of many households every few starts.
  const households = await addSessionResidents(orm.em.fork(), now, 1_000, connections);
  await orm.close();

  const env = { DATABASE_URL: scratch.url };
  const api = await startProcess('./api-server.ts', { ...env, ...productionBenchEnv }, true);
  /** A GraphQL POST as the enforcement officer's scan car sends it (bearer token). */
  const graphql = (query: string, variables: Record<string, unknown>): autocannon.Request =>
    json({ query, variables }, { authorization: `Bearer ${token}` });

  console.log(
    `\nNode ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}; PostgreSQL on loopback.` +
      `\n${connections} connections, ${warmUpSeconds} s warm-up + ${seconds} s per case (setup ${((performance.now() - setupStart) / 1000).toFixed(1)} s).` +
      `\nautocannon runs in this process: the rates are the client's as much as the API's; the CPU per request is the API's own.\n`,
  );

  if (breakdown) {
    // Layers of the GraphQL path: every request authenticates while its context is made.
    await measure('{ __typename } anonymous', api, graphqlPath, [json({ query: typename })]);
    await measure('{ __typename } with bearer', api, graphqlPath, [graphql(typename, {})]);
  }
  const starts = await measure('start session', api, graphqlPath, startRequests(households));
  const startStop = await measure(
    'start + stop session',
    api,
    graphqlPath,
    startStopRequests(residents),
  );
  console.log(
    `\nstart session: ${starts.requestsPerSecond.toFixed(0)}/s; start + stop: ${(startStop.requestsPerSecond / 2).toFixed(0)} sessions started and stopped per second (${startStop.requestsPerSecond.toFixed(0)} mutations/s)`,
  );
  if (results.some((result) => result.failed > 0)) process.exitCode = 1;
} finally {
  await Promise.all(stops.map((stop) => stop()));
  await scratch.drop();
}
