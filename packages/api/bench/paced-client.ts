// A load generator at a fixed rate, in its own process (wrk 4.1 has no rate option and wrk2 is
// not packaged): request i is due at start + i / rate whether or not earlier ones were answered,
// and its latency counts from that moment, so a server that falls behind shows it in the
// percentiles instead of slowing the client down (no coordinated omission). Keep-alive
// connections, one request in flight on each; a request due while all are busy waits for the
// first free one, and that wait counts too. Prints one line `PACED_SUMMARY {json}` for
// right-check-bench.ts.
//
// It speaks HTTP/1.1 on raw sockets with the requests written out in advance (http-wire.ts):
// node:http's client spends several times the CPU of the server it measures, and on a machine
// whose cores the client shares with the server and PostgreSQL, the client's own queue then
// becomes the tail it reports.
//
// Usage: tsx bench/paced-client.ts '{"url","bodiesFile","token","rate","seconds","connections"}'
import { readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { ResponseReader, requestBytes } from './http-wire.js';

interface Settings {
  readonly url: string;
  readonly bodiesFile: string;
  readonly token?: string;
  readonly rate: number;
  readonly seconds: number;
  readonly connections: number;
}

const settings = JSON.parse(process.argv[2]!) as Settings;
const url = new URL(settings.url);
const headers: Record<string, string> = { 'content-type': 'application/json' };
if (settings.token) headers.authorization = `Bearer ${settings.token}`;
const requests = readFileSync(settings.bodiesFile, 'utf8')
  .split('\n')
  .filter((line) => line.length > 0)
  .map((body) => requestBytes(url, headers, body));

const latencies: number[] = [];
let failed = 0;
let sent = 0;
let answered = 0;
const total = Math.round(settings.rate * settings.seconds);
/** Due times of requests no connection was free for, oldest first. */
const waiting: number[] = [];

interface Connection {
  readonly socket: Socket;
  readonly reader: ResponseReader;
  /** When the request in flight was due; undefined when the connection is free. */
  due: number | undefined;
}
const free: Connection[] = [];
let allAnswered: () => void = () => {};

function dispatch(connection: Connection, due: number) {
  connection.due = due;
  connection.socket.write(requests[sent % requests.length]!);
  sent++;
}

function onAnswer(connection: Connection, status: number) {
  if (status === 200) latencies.push(performance.now() - connection.due!);
  else failed++;
  answered++;
  connection.due = undefined;
  if (answered === total) allAnswered();
  // A closed connection (status 0) takes no more requests; its replacement joins the free ones.
  if (status !== 0) release(connection);
}

/** A connection ready for the next request: the oldest waiting one, or it waits itself. */
function release(connection: Connection) {
  const next = waiting.shift();
  if (next !== undefined) dispatch(connection, next);
  else free.push(connection);
}

let finished = false;
/**
 * Opens a keep-alive connection and adds it to the free ones. A server may close one (its idle
 * timeout, say): a request it carried counts as failed, and another connection takes its place.
 */
function open(): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: url.hostname, port: Number(url.port), noDelay: true });
    const connection: Connection = { socket, reader: new ResponseReader(), due: undefined };
    socket.on('data', (chunk: Buffer) => {
      for (const status of connection.reader.push(chunk)) onAnswer(connection, status);
    });
    socket.once('error', reject);
    socket.once('connect', () => {
      release(connection);
      resolve();
    });
    socket.once('close', () => {
      if (finished) return;
      const index = free.indexOf(connection);
      if (index >= 0) free.splice(index, 1);
      if (connection.due !== undefined) onAnswer(connection, 0);
      void open();
    });
  });
}
await Promise.all(Array.from({ length: settings.connections }, open));

const start = performance.now();
const done = new Promise<void>((resolve) => (allAnswered = resolve));
let queued = 0;
await new Promise<void>((scheduled) => {
  const tick = () => {
    const now = performance.now();
    while (queued < total && start + (queued * 1000) / settings.rate <= now) {
      const due = start + (queued * 1000) / settings.rate;
      queued++;
      // The longest free first: every connection stays in use, none idles into a timeout.
      const connection = free.shift();
      if (connection) dispatch(connection, due);
      else waiting.push(due);
    }
    // A timer, not a busy loop: the client must not take the server's CPU. Requests due in the
    // same millisecond go together; their latency still counts from when each was due.
    if (queued < total) setTimeout(tick, 1);
    else scheduled();
  };
  tick();
});
await done;
const elapsed = (performance.now() - start) / 1000;
finished = true;
for (const connection of free) connection.socket.destroy();
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
    p90: percentile(90),
    p99: percentile(99),
    max: latencies.at(-1) ?? 0,
  })}`,
);
