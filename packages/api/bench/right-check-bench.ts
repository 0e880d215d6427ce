// `npm run bench -w @parkeer/api`, first part: the right-check against the bare node:http + pg
// endpoint doing the same lookup, all in one run (README, "Benchmarks"). Five processes: the
// API (production mode), two bare endpoints (the lookup sent unnamed, as plain `pool.query`
// sends it, and as a named statement, as the API sends it), wrk (Debian's package) as the load,
// and this one, which only sets up, starts and reads. Each case: a warm-up, then ROUNDS rounds
// of SECONDS at CONNECTIONS connections; the rate, p50/p99 latency, the serving process's CPU
// time per request (/proc/<pid>/stat before and after) and the ratio to each bare endpoint's
// rate of the same round. Then paced runs (bench/paced-client.ts) of the compiled path and of
// the bare endpoints at shares of their own rates, for their latency under a load they carry.
//
// BENCH_ROUNDS (3), BENCH_SECONDS (10), BENCH_CONNECTIONS (16), BENCH_THREADS (2).
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../src/db/database.js';
import { createScratchPostgres } from '../src/db/scratch-postgres.js';
import { seedDemo } from '../src/seed/demo-seed.js';
import { Account } from '../src/model/account.entity.js';
import { AuthService } from '../src/modules/auth/auth.service.js';
import { RightCheckLog } from '../src/model/right-check-log.entity.js';
import { trustedOperations } from '../src/compiled-path/trusted-documents.js';
import { graphqlPath } from '../src/server.js';
import { productionBenchEnv } from './production-env.js';
import { startProcess, stops, type Target } from './processes.js';
import { addBenchData, type CheckInput } from './bench-data.js';

const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 16);
const threads = Number(process.env.BENCH_THREADS ?? 2);
const warmUpSeconds = 2;
/** The paced runs' loads, as shares of each target's median round (BENCH_PACED, comma-separated). */
const pacedShares = (process.env.BENCH_PACED ?? '0.5,0.65,0.8').split(',').map(Number);
/** A scan car's batch: the most plates one request may carry (docs/rules.md §9). */
const batchSize = 100;
const luaScript = fileURLToPath(new URL('./wrk/post-bodies.lua', import.meta.url));

interface Load {
  readonly rate: number;
  readonly p50: number;
  readonly p99: number;
  readonly requests: number;
  readonly failed: number;
  /** CPU time of the serving process per answered request, in milliseconds. */
  readonly cpuPerRequest: number;
}

/** Runs a command to its end and gives its standard output (its errors go to ours). */
function run(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${command} exited with ${code}`)),
    );
  });
}

const summaryOf = <T>(output: string, marker: string): T => {
  const line = output.split('\n').find((candidate) => candidate.startsWith(marker));
  if (!line) throw new Error(`no ${marker} in:\n${output}`);
  return JSON.parse(line.slice(marker.length + 1)) as T;
};

/** What bench/paced-client.ts prints. */
interface PacedSummary {
  achieved: number;
  p50: number;
  p90: number;
  p99: number;
  failed: number;
  answered: number;
}

interface WrkSummary {
  requests: number;
  durationMicros: number;
  p50Micros: number;
  p99Micros: number;
  connectErrors: number;
  readErrors: number;
  writeErrors: number;
  statusErrors: number;
  timeouts: number;
}

/** wrk at full speed for `duration` seconds against one target, with the target's CPU time. */
async function wrk(target: Target, path: string, bodies: string, token: string, duration: number) {
  // A batch under a loaded machine takes seconds: wrk's default 2 s timeout would count it failed.
  const args = [
    `-t${threads}`,
    `-c${connections}`,
    `-d${duration}s`,
    '--timeout',
    '30s',
    '-s',
    luaScript,
  ];
  const cpuBefore = await target.cpuMicros();
  const output = await run('wrk', [...args, target.url + path, '--', bodies, token]);
  const cpu = (await target.cpuMicros()) - cpuBefore;
  const s = summaryOf<WrkSummary>(output, 'WRK_SUMMARY');
  const failed = s.connectErrors + s.readErrors + s.writeErrors + s.statusErrors + s.timeouts;
  return {
    rate: s.requests / (s.durationMicros / 1e6),
    p50: s.p50Micros / 1000,
    p99: s.p99Micros / 1000,
    requests: s.requests,
    failed,
    cpuPerRequest: cpu / 1000 / Math.max(1, s.requests - failed),
  } satisfies Load;
}

const fmt = (load: Load) =>
  [
    `${load.rate.toFixed(0).padStart(6)} req/s`,
    `p50 ${load.p50.toFixed(1).padStart(5)} ms`,
    `p99 ${load.p99.toFixed(1).padStart(5)} ms`,
    `CPU ${load.cpuPerRequest.toFixed(3)} ms/req`,
    load.failed ? `FAILED ${load.failed}` : '',
  ].join('   ');

const span = (values: number[], digits = 0) => {
  const low = Math.min(...values).toFixed(digits);
  const high = Math.max(...values).toFixed(digits);
  return low === high ? low : `${low}–${high}`;
};

/** Asks every body once; throws on an error, and counts the valid answers. */
async function preflight(url: string, bodiesText: string, token: string): Promise<number> {
  let valid = 0;
  for (const body of bodiesText.split('\n').filter(Boolean)) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body,
    });
    const answer = (await response.json()) as {
      errors?: unknown;
      valid?: boolean;
      data?: { rightCheck?: { valid: boolean }; rightCheckBatch?: { valid?: boolean }[] };
    };
    if (!response.ok || answer.errors) throw new Error(`${url}: ${JSON.stringify(answer)}`);
    // A refused item would make a batch look fast for the wrong reason.
    if (answer.data?.rightCheckBatch?.some((item) => item.valid === undefined)) {
      throw new Error(`${url}: ${JSON.stringify(answer)}`);
    }
    const items = answer.data?.rightCheckBatch ?? [answer.data?.rightCheck ?? answer];
    valid += items.filter((item) => item.valid).length;
  }
  return valid;
}

const idOf = (name: string) => trustedOperations.find((operation) => operation.name === name)!;

const scratch = await createScratchPostgres();
const folder = await mkdtemp(join(tmpdir(), 'parkeer-bench-'));
try {
  const orm = await openDatabase({ databaseUrl: scratch.url });
  const now = new Date();
  await seedDemo(orm.em.fork(), now);
  const data = await addBenchData(orm.em.fork(), now);
  const em = orm.em.fork();
  const officer = await em.findOneOrFail(Account, { email: 'handhaving@demo.parkeer.nl' });
  const { token } = await new AuthService(em).issue(officer, 'bearer', false, now);
  await orm.close();

  const env = { DATABASE_URL: scratch.url };
  const [api, bare, bareNamed] = await Promise.all([
    startProcess('./api-server.ts', { ...env, ...productionBenchEnv }, true),
    startProcess('./bare-server.ts', env),
    startProcess('./bare-server.ts', { ...env, BENCH_BARE_PREPARED: '1' }),
  ]);
  const bares: readonly Target[] = [bare, bareNamed];

  // The request bodies of each case, one a line: the same mix of checks everywhere.
  const single = idOf('RightCheck');
  const batch = idOf('RightCheckBatch');
  const lines = (bodies: unknown[]) => bodies.map((body) => JSON.stringify(body)).join('\n');
  const bodies = {
    apollo: lines(
      data.checks.map((input: CheckInput) => ({ query: single.body, variables: { input } })),
    ),
    compiled: lines(
      data.checks.map((input: CheckInput) => ({
        documentId: `sha256:${single.id}`,
        variables: { input },
      })),
    ),
    bare: lines([...data.checks]),
    batch: lines(
      data.checks.map((_: CheckInput, start: number) => ({
        documentId: `sha256:${batch.id}`,
        variables: {
          input: {
            items: Array.from(
              { length: batchSize },
              (_item, i) => data.checks[(start + i) % data.checks.length]!,
            ),
          },
        },
      })),
    ),
  };
  const files = Object.fromEntries(
    await Promise.all(
      Object.entries(bodies).map(async ([name, text]) => {
        const file = join(folder, `${name}.jsonl`);
        await writeFile(file, `${text}\n`);
        return [name, file] as const;
      }),
    ),
  ) as Record<keyof typeof bodies, string>;

  const graphqlUrl = api.url + graphqlPath;
  const valid = await preflight(graphqlUrl, bodies.apollo, token);
  for (const [name, url, text] of [
    ['compiled path', graphqlUrl, bodies.compiled],
    ['bare endpoint', bare.url, bodies.bare],
    ['bare endpoint, named', bareNamed.url, bodies.bare],
  ] as const) {
    const found = await preflight(url, text, token);
    if (found !== valid) throw new Error(`${name}: ${found} rights in the mix, Apollo ${valid}`);
  }
  const batchValid = await preflight(graphqlUrl, bodies.batch, token);
  const preflightChecks = 2 * data.checks.length + data.checks.length * batchSize;

  const cpu = cpus();
  console.log(
    `\nNode ${process.version}, ${cpu.length} × ${cpu[0]?.model ?? 'CPU'}; PostgreSQL on loopback; load average ${(
      await import('node:os')
    )
      .loadavg()
      .map((n) => n.toFixed(1))
      .join(' ')}.` +
      `\n${data.sessions} sessions, ${data.permitPlates} permit plates; a mix of ${data.checks.length} checks, ${valid} of them valid.` +
      `\nwrk ${threads} threads, ${connections} connections; ${warmUpSeconds} s warm-up, then ${rounds} rounds of ${seconds} s per case.\n`,
  );

  const cases = [
    { name: 'rightCheck via Apollo', target: api, path: graphqlPath, file: files.apollo },
    { name: 'rightCheck, compiled path', target: api, path: graphqlPath, file: files.compiled },
    { name: 'bare node:http + pg', target: bare, path: '/', file: files.bare },
    { name: 'bare, named statement', target: bareNamed, path: '/', file: files.bare },
    {
      name: `rightCheckBatch ×${batchSize}, compiled`,
      target: api,
      path: graphqlPath,
      file: files.batch,
    },
  ];
  const results = new Map<string, Load[]>(cases.map((c) => [c.name, []]));
  let answered = 0;
  for (const c of cases) await wrk(c.target, c.path, c.file, token, warmUpSeconds);
  for (let round = 1; round <= rounds; round++) {
    // The cases of a round one after the other: each ratio compares loads of the same minute.
    for (const c of cases) {
      const load = await wrk(c.target, c.path, c.file, token, seconds);
      results.get(c.name)!.push(load);
      console.log(`round ${round}  ${c.name.padEnd(30)} ${fmt(load)}`);
    }
  }
  const [apolloLoads, compiledLoads, bareLoads, bareNamedLoads, batchLoads] = cases.map((c) =>
    results.get(c.name)!,
  ) as [Load[], Load[], Load[], Load[], Load[]];
  const ratios = (loads: Load[], yardstick = bareLoads) =>
    loads.map((load, i) => load.rate / yardstick[i]!.rate);

  // Latency at loads below the most each carried: fractions of its median round's rate, paced
  // (no coordinated omission). The bare endpoint paced the same way is the yardstick of the
  // latency target: the tail that the machine (the client, PostgreSQL and whatever else runs on
  // its cores) gives a server that does nothing else.
  const median = (loads: Load[]) =>
    loads.map((load) => load.rate).sort((a, b) => a - b)[loads.length >> 1]!;
  const pacedRun = async (target: Target, path: string, bodiesFile: string, rate: number) => {
    const cpuBefore = await target.cpuMicros();
    const summary = summaryOf<PacedSummary>(
      await run(process.execPath, [
        '--import',
        import.meta.resolve('tsx'),
        fileURLToPath(new URL('./paced-client.ts', import.meta.url)),
        JSON.stringify({ url: target.url + path, bodiesFile, token, rate, seconds, connections }),
      ]),
      'PACED_SUMMARY',
    );
    const cpu = ((await target.cpuMicros()) - cpuBefore) / 1000 / Math.max(1, summary.answered);
    return { ...summary, rate, cpu };
  };
  const pacedRuns: { name: string; share: number; run: Awaited<ReturnType<typeof pacedRun>> }[] =
    [];
  for (const share of pacedShares) {
    for (const [name, target, path, file, loads] of [
      ['compiled path', api, graphqlPath, files.compiled, compiledLoads],
      ['bare endpoint', bare, '/', files.bare, bareLoads],
      ['bare, named', bareNamed, '/', files.bare, bareNamedLoads],
    ] as const) {
      const run = await pacedRun(target, path, file, Math.round(share * median(loads)));
      pacedRuns.push({ name, share, run });
    }
  }

  console.log(
    '\ncase                             requests/s    p50 ms      p99 ms      CPU ms/req    / bare      / named',
  );
  for (const c of cases) {
    const loads = results.get(c.name)!;
    console.log(
      [
        c.name.padEnd(32),
        span(loads.map((l) => l.rate)).padEnd(13),
        span(
          loads.map((l) => l.p50),
          1,
        ).padEnd(11),
        span(
          loads.map((l) => l.p99),
          1,
        ).padEnd(11),
        span(
          loads.map((l) => l.cpuPerRequest),
          3,
        ).padEnd(13),
        bares.includes(c.target) ? '' : span(ratios(loads), 2).padEnd(11),
        bares.includes(c.target) ? '' : span(ratios(loads, bareNamedLoads), 2),
      ].join(' '),
    );
  }
  console.log(
    `\nrightCheck / bare: compiled path ${span(ratios(compiledLoads), 2)}, Apollo ${span(ratios(apolloLoads), 2)} of the bare endpoint's requests per second (same rounds)` +
      `\nrightCheck / bare with a named statement: compiled path ${span(ratios(compiledLoads, bareNamedLoads), 2)}, Apollo ${span(ratios(apolloLoads, bareNamedLoads), 2)}`,
  );
  console.log(
    `rightCheckBatch: ${span(batchLoads.map((l) => l.rate * batchSize))} plates per second, ${span(
      batchLoads.map((l, i) => (l.rate * batchSize) / bareLoads[i]!.rate),
      1,
    )} × the bare endpoint's single lookups, ${span(
      batchLoads.map((l, i) => (l.rate * batchSize) / bareNamedLoads[i]!.rate),
      1,
    )} × the named one's (${batchValid} valid in the ${data.checks.length * batchSize} of the preflight)`,
  );
  console.log(
    `\npaced (bench/paced-client.ts, ${connections} connections, ${seconds} s each) at a share of the median round's rate:`,
  );
  for (const { name, share, run } of pacedRuns) {
    console.log(
      `${name.padEnd(14)} ${String(Math.round(share * 100)).padStart(3)} %  ${String(run.rate).padStart(5)}/s sent, ${run.achieved.toFixed(0).padStart(5)}/s answered   p50 ${run.p50.toFixed(1).padStart(6)} ms   p90 ${run.p90.toFixed(1).padStart(6)} ms   p99 ${run.p99.toFixed(1).padStart(6)} ms   CPU ${run.cpu.toFixed(3)} ms/req${run.failed ? `   FAILED ${run.failed}` : ''}`,
    );
  }

  // Every answered check writes one log row: the count proves the load was real checks.
  for (const c of cases) {
    if (bares.includes(c.target)) continue;
    const perRequest = c.file === files.batch ? batchSize : 1;
    answered +=
      results.get(c.name)!.reduce((sum, l) => sum + (l.requests - l.failed), 0) * perRequest;
  }
  const check = await openDatabase({ databaseUrl: scratch.url });
  const logged = await check.em.fork().count(RightCheckLog, {});
  await check.close();
  // The warm-ups and paced run log too: at least one row per answered check of the rounds.
  console.log(`check log rows: ${logged} (at least ${answered + preflightChecks} expected)`);
  if (logged < answered + preflightChecks) process.exitCode = 1;
  const loads = [...results.values()].flat();
  if (loads.some((l) => l.failed > 0) || pacedRuns.some(({ run }) => run.failed > 0)) {
    process.exitCode = 1;
  }
} finally {
  await Promise.all(stops.map((stop) => stop()));
  await scratch.drop();
  await rm(folder, { recursive: true, force: true });
}
