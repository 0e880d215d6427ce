import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { ResponseReader, requestBytes } from '../bench/http-wire.js';

// The paced benchmark client's HTTP (bench/paced-client.ts): a wrong end of a response would
// pair answers with the wrong requests and report latencies that never happened.
describe("the paced benchmark client's HTTP/1.1", () => {
  it('finds each response of a keep-alive connection, sized or chunked, however the bytes arrive', () => {
    const sized =
      'HTTP/1.1 200 OK\r\nContent-Length: 11\r\nConnection: keep-alive\r\n\r\n{"ok":true}';
    const chunked =
      'HTTP/1.1 429 Too Many Requests\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n{"a"\r\n3\r\n:1}\r\n0\r\n\r\n';
    const bytes = Buffer.from(sized + chunked + sized);
    for (const cut of [1, 7, 30, 64, bytes.length - 1]) {
      const reader = new ResponseReader();
      const statuses = [
        ...reader.push(bytes.subarray(0, cut)),
        ...reader.push(bytes.subarray(cut)),
      ];
      expect(statuses, `cut at ${cut}`).toEqual([200, 429, 200]);
    }
    const reader = new ResponseReader();
    expect(reader.push(Buffer.from(sized.slice(0, -1)))).toEqual([]);
    expect(reader.push(Buffer.from('}'))).toEqual([200]);
  });

  it('sends a POST that node:http reads whole, and reads its answers, request after request', async () => {
    const seen: { method?: string; auth?: string; body: string }[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      req.on('end', () => {
        seen.push({ method: req.method, auth: req.headers.authorization, body });
        // No length given: node:http answers chunked, as the bare endpoint does.
        res.writeHead(seen.length === 2 ? 503 : 200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ n: seen.length }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const url = new URL(`http://127.0.0.1:${port}/graphql`);
    const request = requestBytes(url, { authorization: 'Bearer t' }, '{"plate":"ü"}');
    const socket = connect({ host: '127.0.0.1', port });
    const reader = new ResponseReader();
    const statuses: number[] = [];
    try {
      for (let i = 0; i < 3; i++) {
        socket.write(request);
        await new Promise<void>((resolve) => {
          const onData = (chunk: Buffer) => {
            const done = reader.push(chunk);
            statuses.push(...done);
            if (done.length > 0) {
              socket.off('data', onData);
              resolve();
            }
          };
          socket.on('data', onData);
        });
      }
    } finally {
      socket.destroy();
      server.close();
    }
    expect(statuses).toEqual([200, 503, 200]);
    expect(seen).toEqual(
      Array.from({ length: 3 }, () => ({
        method: 'POST',
        auth: 'Bearer t',
        body: '{"plate":"ü"}',
      })),
    );
  });
});
