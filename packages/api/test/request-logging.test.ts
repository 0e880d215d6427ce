import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import express from 'express';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { logRequest } from '../src/logging/logger.js';
import { currentRequestId, requestIds, requestLogFields } from '../src/logging/request-id.js';

/** A pino logger like the API's (same mixin) writing into `lines`. */
function capturingLogger(lines: Record<string, unknown>[]) {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return pino({ level: 'debug', mixin: requestLogFields }, sink);
}

describe('request ids in the log', () => {
  it('names the request on every line written while serving it, however deep', async () => {
    const lines: Record<string, unknown>[] = [];
    const log = capturingLogger(lines);
    const finished: { requestId: string; status: number }[] = [];
    const app = express();
    app.use(
      requestIds((requestId, _request, response) =>
        finished.push({ requestId, status: response.statusCode }),
      ),
    );
    app.get('/work', async (_request, response) => {
      // After awaits (a database, a timer) the scope still holds.
      await new Promise((resolve) => setTimeout(resolve, 5));
      await Promise.resolve();
      log.info('deep inside');
      response.json({ id: currentRequestId() });
    });
    const server = app.listen(0);
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const given = await fetch(`${base}/work`, { headers: { 'x-request-id': 'trace-42' } });
      expect(given.headers.get('x-request-id')).toBe('trace-42');
      expect(await given.json()).toEqual({ id: 'trace-42' });

      // A made-up or unusable id is replaced by a new one.
      const [first, second] = await Promise.all([
        fetch(`${base}/work`, { headers: { 'x-request-id': 'no spaces\tplease' } }),
        fetch(`${base}/work`),
      ]);
      const ids = [first!.headers.get('x-request-id'), second!.headers.get('x-request-id')];
      expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/);
      expect(ids[1]).toMatch(/^[0-9a-f-]{36}$/);
      expect(ids[0]).not.toBe(ids[1]);
      await Promise.all([first!.json(), second!.json()]);

      // Concurrent requests keep their own id on their lines.
      expect(lines.map((line) => line.requestId).sort()).toEqual(['trace-42', ...ids].sort());
      expect(finished.map((entry) => entry.requestId).sort()).toEqual(['trace-42', ...ids].sort());
      // Outside a request, no id.
      log.info('between requests');
      expect(lines.at(-1)).not.toHaveProperty('requestId');
    } finally {
      server.close();
    }
  });

  it("logs a request's line without its query, at info only when it failed or was slow", () => {
    const lines: Record<string, unknown>[] = [];
    const log = capturingLogger(lines);
    log.level = 'info';
    const write = (status: number, ms: number) =>
      logRequest('r1', { method: 'GET', path: '/pay/return' }, { statusCode: status }, ms, log);
    write(200, 12);
    write(404, 3);
    write(200, 1500);
    expect(
      lines.map(({ status, ms, path, requestId }) => ({ status, ms, path, requestId })),
    ).toEqual([
      { status: 404, ms: 3, path: '/pay/return', requestId: 'r1' },
      { status: 200, ms: 1500, path: '/pay/return', requestId: 'r1' },
    ]);
  });
});
