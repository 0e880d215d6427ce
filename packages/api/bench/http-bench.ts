// `npm run bench -w @parkeer/api`: the API under load over loopback, against a bare node:http + pg
// endpoint doing the same lookup. A scratch PostgreSQL database gets the demo and a busy town's
// plates; the API and the bare endpoint each run in a child process, so autocannon (here) does not
// share their event loop. Every case runs a short warm-up, then the measured run.
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
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import autocannon from 'autocannon';
import { openDatabase } from '../src/db/database.js';
import { createScratchPostgres } from '../src/db/scratch-postgres.js';
import { seedDemo } from '../src/seed/demo-seed.js';
import { Account } from '../src/model/account.entity.js';
import { AuthService } from '../src/modules/auth/auth.service.js';
import { RightCheckLog } from '../src/model/right-check-log.entity.js';
import { productionBenchEnv } from './production-env.js';
import { graphqlPath } from '../src/server.js';
import {
  addBenchData,
  addSessionResidents,
  benchPlate,
  type BenchResident,
  type CheckInput,
} from './bench-data.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const warmUpSeconds = 2;
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
/** BENCH_BREAKDOWN=1 also measures the GraphQL path without the check: HTTP + Apollo, + login. */
const breakdown = process.env.BENCH_BREAKDOWN === '1';
/** BENCH_CPU_PROF=dir writes a V8 CPU profile of the API process there (open it in DevTools). */
const cpuProfileDir = process.env.BENCH_CPU_PROF;

interface Target {
  readonly url: string;
  /** CPU time (user + system) the process has used so far, in microseconds. */
  cpuMicros(): Promise<number>;
}

/** Stops every child process started, ready or not; run on the way out whatever happened. */
const stops: (() => Promise<void>)[] = [];

/** Runs a bench/*.ts file in its own Node process (see bench-child.ts). */
function startProcess(file: string, env: Record<string, string>, profile = false): Promise<Target> {
  const execArgv = ['--import', import.meta.resolve('tsx'), '--conditions=@parkeer/source'];
  if (profile && cpuProfileDir) execArgv.push('--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`);
  const child = fork(new URL(file, import.meta.url), [], {
    execArgv,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  stops.push(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  });
  const cpuMicros = () =>
    new Promise<number>((resolve) => {
      const answer = (message: unknown) => {
        const { cpuMicros } = message as { cpuMicros?: number };
        if (cpuMicros === undefined) return;
        child.off('message', answer);
        resolve(cpuMicros);
      };
      child.on('message', answer);
      child.send('cpu');
    });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`${file} exited with ${code}`)));
    child.once('message', (message) =>
      resolve({ url: (message as { url: string }).url, cpuMicros }),
    );
  });
}

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
const rightCheckQuery = `query ($input: RightCheckInput!) {
  rightCheck(input: $input) { valid kind validUntil checkedAt plate }
}`;

const rightCheckBatchQuery = `query ($input: RightCheckBatchInput!) {
  rightCheckBatch(input: $input) {
    __typename ... on RightCheckResult { valid kind validUntil checkedAt plate }
  }
}`;
/** A scan car's batch: the most plates one request may carry (docs/rules.md §9). */
const batchSize = 100;

/** Asks every request of a mix once, so a load run cannot be fast because it answers errors. */
async function preflight(url: string, requests: autocannon.Request[]) {
  let valid = 0;
  for (const request of requests) {
    const response = await fetch(url, {
      method: 'POST',
      headers: request.headers as Record<string, string>,
      body: request.body as string,
    });
    const body = (await response.json()) as {
      errors?: unknown;
      valid?: boolean;
      data?: {
        rightCheck?: { valid: boolean };
        rightCheckBatch?: { __typename: string; valid?: boolean }[];
      };
    };
    if (!response.ok || body.errors) throw new Error(`${url}: ${JSON.stringify(body)}`);
    const batch = body.data?.rightCheckBatch;
    if (batch) {
      // A refused item would make the batch look fast for the wrong reason.
      if (batch.some((item) => item.__typename !== 'RightCheckResult')) {
        throw new Error(`${url}: ${JSON.stringify(body)}`);
      }
      valid += batch.filter((item) => item.valid).length;
    } else if (body.data?.rightCheck?.valid ?? body.valid) valid++;
  }
  return valid;
}

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
  const data = await addBenchData(orm.em.fork(), now);
  const em = orm.em.fork();
  const officer = await em.findOneOrFail(Account, { email: 'handhaving@demo.parkeer.nl' });
  const { token } = await new AuthService(em).issue(officer, 'bearer', false, now);
  const residents = await addSessionResidents(orm.em.fork(), now, connections);
  // Starts alone: a household may have at most 10 sessions at once, so the load moves on to
  // the next of many households every few starts.
  const households = await addSessionResidents(orm.em.fork(), now, 1_000, connections);
  await orm.close();

  const env = { DATABASE_URL: scratch.url };
  const [api, bare] = await Promise.all([
    startProcess('./api-server.ts', { ...env, ...productionBenchEnv }, true),
    startProcess('./bare-server.ts', env),
  ]);
  const graphqlUrl = api.url + graphqlPath;
  /** A GraphQL POST as the enforcement officer's scan car sends it (bearer token). */
  const graphql = (
    query: string,
    variables: Record<string, unknown>,
    hooks: Pick<autocannon.Request, 'onResponse' | 'setupRequest'> = {},
  ): autocannon.Request => ({
    ...json({ query, variables }, { authorization: `Bearer ${token}` }),
    ...hooks,
  });
  const rightChecks = data.checks.map((input: CheckInput) => graphql(rightCheckQuery, { input }));
  const bareChecks = data.checks.map((input: CheckInput) => json(input));
  // The same mix in batches of 100, each batch starting at another place in it.
  const batchChecks = data.checks.map((_: CheckInput, start: number) =>
    graphql(rightCheckBatchQuery, {
      input: {
        items: Array.from(
          { length: batchSize },
          (_item, i) => data.checks[(start + i) % data.checks.length]!,
        ),
      },
    }),
  );
  const validInMix = await preflight(graphqlUrl, rightChecks);
  const bareValidInMix = await preflight(bare.url, bareChecks);
  if (validInMix !== bareValidInMix) {
    throw new Error(
      `the API finds ${validInMix} rights in the mix, the bare endpoint ${bareValidInMix}`,
    );
  }

  console.log(
    `\nNode ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}; PostgreSQL on loopback.` +
      `\n${data.sessions} sessions, ${data.permitPlates} permit plates; a mix of ${data.checks.length} checks, ${validInMix} of them valid.` +
      `\n${connections} connections, ${warmUpSeconds} s warm-up + ${seconds} s per case (setup ${((performance.now() - setupStart) / 1000).toFixed(1)} s).\n`,
  );

  if (breakdown) {
    // Layers of the GraphQL path: every request authenticates while its context is made.
    await measure('{ __typename } anonymous', api, graphqlPath, [json({ query: typename })]);
    await measure('{ __typename } with bearer', api, graphqlPath, [graphql(typename, {})]);
  }
  const graphqlCase = await measure('rightCheck (GraphQL)', api, graphqlPath, rightChecks);
  const bareCase = await measure('bare node:http + pg lookup', bare, '/', bareChecks);
  const batchValid = await preflight(graphqlUrl, batchChecks);
  const batchCase = await measure(
    `rightCheckBatch ×${batchSize} (GraphQL)`,
    api,
    graphqlPath,
    batchChecks,
  );
  const starts = await measure('start session', api, graphqlPath, startRequests(households));
  const startStop = await measure(
    'start + stop session',
    api,
    graphqlPath,
    startStopRequests(residents),
  );
  console.log(
    `\nrightCheck / bare: ${(graphqlCase.requestsPerSecond / bareCase.requestsPerSecond).toFixed(2)} of the requests per second`,
  );
  console.log(
    `rightCheckBatch: ${(batchCase.requestsPerSecond * batchSize).toFixed(0)} plates checked per second, ${((batchCase.requestsPerSecond * batchSize) / graphqlCase.requestsPerSecond).toFixed(1)} × the single check's (${batchValid} valid in the ${batchChecks.length * batchSize} of the preflight)`,
  );
  console.log(
    `start session: ${starts.requestsPerSecond.toFixed(0)}/s; start + stop: ${(startStop.requestsPerSecond / 2).toFixed(0)} sessions started and stopped per second (${startStop.requestsPerSecond.toFixed(0)} mutations/s)`,
  );

  // Every answered check writes one log row: the count proves the load was real checks. Answers
  // still on their way when a run stops are logged but not counted, at most one per connection.
  const check = await openDatabase({ databaseUrl: scratch.url });
  const logged = await check.em.fork().count(RightCheckLog, {});
  await check.close();
  const answered =
    graphqlCase.answered +
    data.checks.length +
    (batchCase.answered + batchChecks.length) * batchSize;
  console.log(`check log rows: ${logged} for ${answered} answered checks`);
  // A batch still on its way when its run stops logs up to 100 rows.
  if (logged < answered || logged > answered + 2 * connections * (1 + batchSize)) {
    process.exitCode = 1;
  }
  if (results.some((result) => result.failed > 0)) process.exitCode = 1;
} finally {
  await Promise.all(stops.map((stop) => stop()));
  await scratch.drop();
}
