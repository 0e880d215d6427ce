// A load generator at a fixed rate, in its own process (wrk 4.1 has no rate option and wrk2 is
// not packaged): request i is due at start + i / rate whether or not earlier ones were answered,
// and its latency counts from that moment, so a server that falls behind shows it in the
// percentiles instead of slowing the client down (no coordinated omission). Keep-alive
// connections, at most `connections` requests in flight; the rest wait for a connection, and
// that wait counts too. Prints one line `PACED_SUMMARY {json}` for right-check-bench.ts.
//
// Usage: tsx bench/paced-client.ts '{"url","bodiesFile","token","rate","seconds","connections"}'
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';

interface Settings {
  readonly url: string;
  readonly bodiesFile: string;
  readonly token?: string;
  readonly rate: number;
  readonly seconds: number;
  readonly connections: number;
}

const settings = JSON.parse(process.argv[2]!) as Settings;
const bodies = readFileSync(settings.bodiesFile, 'utf8')
  .split('\n')
  .filter((line) => line.length > 0);
const agent = new Agent({ keepAlive: true, maxSockets: settings.connections });
const url = new URL(settings.url);
const headers: Record<string, string> = { 'content-type': 'application/json' };
if (settings.token) headers.authorization = `Bearer ${settings.token}`;

const latencies: number[] = [];
let failed = 0;
let sent = 0;
let answered = 0;

function send(body: string, due: number): Promise<void> {
  return new Promise((resolve) => {
    const req = request(
      { agent, host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers },
      (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode === 200) latencies.push(performance.now() - due);
          else failed++;
          answered++;
          resolve();
        });
      },
    );
    req.on('error', () => {
      failed++;
      answered++;
      resolve();
    });
    req.end(body);
  });
}

const total = Math.round(settings.rate * settings.seconds);
const start = performance.now();
const inFlight: Promise<void>[] = [];
await new Promise<void>((done) => {
  const tick = () => {
    const now = performance.now();
    while (sent < total && start + (sent * 1000) / settings.rate <= now) {
      inFlight.push(send(bodies[sent % bodies.length]!, start + (sent * 1000) / settings.rate));
      sent++;
    }
    // A timer, not a busy loop: the client must not take the server's CPU. Requests due in the
    // same millisecond go together; their latency still counts from when each was due.
    if (sent < total) setTimeout(tick, 1);
    else done();
  };
  tick();
});
await Promise.all(inFlight);
const elapsed = (performance.now() - start) / 1000;
latencies.sort((a, b) => a - b);
const percentile = (p: number) =>
  latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
console.log(
  `PACED_SUMMARY ${JSON.stringify({
    rate: settings.rate,
    sent,
    answered,
    failed,
    achieved: answered / elapsed,
    p50: percentile(50),
    p99: percentile(99),
    max: latencies.at(-1) ?? 0,
  })}`,
);
agent.destroy();
