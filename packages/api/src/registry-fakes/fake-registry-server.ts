import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as a fake registry sees it. */
export interface FakeRequest {
  readonly method: string;
  /** The path without the query string. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingMessage['headers'];
  /** The parsed JSON body; undefined without one. */
  readonly body: unknown;
}

export interface FakeAnswer {
  readonly status: number;
  readonly body?: unknown;
  readonly contentType?: string;
}

/**
 * How a fake behaves, switchable by tests: answering, answering with 503 (down), or never
 * answering (silent, for the adapters' timeout).
 */
export type FakeMode = 'up' | 'down' | 'silent';

export interface FakeRegistryServer {
  readonly url: string;
  mode: FakeMode;
  /** Requests received, newest last (tests assert what the adapter asked). */
  readonly received: FakeRequest[];
  close(): Promise<void>;
}

/**
 * A small HTTP server on loopback that answers like a registry (the tests and demo mode start
 * one per registry). `answer` gets each request; its answer is sent as JSON.
 */
export async function startFakeRegistryServer(
  answer: (request: FakeRequest) => FakeAnswer | Promise<FakeAnswer>,
): Promise<FakeRegistryServer> {
  const silent = new Set<ServerResponse>();
  const received: FakeRequest[] = [];
  const server = createServer((req, res) => {
    void handle(req, res);
  });
  const fake: FakeRegistryServer = {
    url: '',
    mode: 'up',
    received,
    close: async () => {
      for (const res of silent) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  async function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://fake');
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      send(res, { status: 400, body: { title: 'invalid JSON' } });
      return;
    }
    const request: FakeRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body,
    };
    received.push(request);
    if (fake.mode === 'silent') {
      silent.add(res);
      return;
    }
    if (fake.mode === 'down') {
      send(res, { status: 503, body: { title: 'Service Unavailable' } });
      return;
    }
    try {
      send(res, await answer(request));
    } catch (error) {
      send(res, { status: 500, body: { title: String(error) } });
    }
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(fake, { url: `http://127.0.0.1:${port}` });
}

function send(res: ServerResponse, answer: FakeAnswer) {
  const body = answer.body === undefined ? '' : JSON.stringify(answer.body);
  res.writeHead(answer.status, {
    'content-type': answer.contentType ?? 'application/json',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}
