import { request as httpRequest } from 'node:http';
import { connect, type Socket } from 'node:net';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { loadConfig } from '../src/config/config.js';
import { maxRequestBytes } from '../src/http/request-size.js';
import { useDemoApi } from './demo-api.js';
import { useEnvironment } from './environment.js';
import { TestClient } from './graphql-client.js';
import { loggedIn } from './login.js';
import { demoPassword } from '../src/seed/demo-seed.js';
import { testDialects } from './test-databases.js';
import { closeSocket, handshake, type Handshake } from './ws-handshake.js';

/*
 * Issue 13: graphql-ws accepted any Origin, messages up to 100 MiB, any number of connections,
 * and went on anonymously with a bad token. It now has the HTTP path's rules.
 */

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const dialects = await testDialects();
const publicUrl = 'https://parkeer.example.nl';
const partner = 'https://partner.example';

const outcome = (result: Handshake) =>
  result.kind === 'refused'
    ? `refused ${result.status}`
    : result.kind === 'closed'
      ? `closed ${result.code}`
      : 'acknowledged';

describe.each(dialects)('the WebSocket path on %s', (dialect) => {
  useEnvironment({ PUBLIC_URL: publicUrl, ALLOWED_ORIGINS: partner });
  const api = useDemoApi(dialect);
  const sockets: WebSocket[] = [];
  const open = async (options: Parameters<typeof handshake>[1] = {}) => {
    const result = await handshake(api.url, options);
    if (result.kind === 'acknowledged') sockets.push(result.socket);
    return outcome(result);
  };
  afterAll(async () => {
    await Promise.all(sockets.map(closeSocket));
  });

  it('refuses a foreign Origin at the upgrade, and lets in its own, a partner’s and non-browser clients', async () => {
    expect(await open({ origin: 'https://evil.example' })).toBe('refused 403');
    expect(await open({ origin: 'null' })).toBe('refused 403');
    // Same host name, another scheme: another origin.
    expect(await open({ origin: 'http://parkeer.example.nl' })).toBe('refused 403');
    expect(await open({ origin: publicUrl })).toBe('acknowledged');
    expect(await open({ origin: partner })).toBe('acknowledged');
    expect(await open()).toBe('acknowledged');
  });

  it('reads a message as large as an HTTP body, and closes the connection at one byte more (1009)', async () => {
    const sendInit = async (bytes: number) => {
      const socket = new WebSocket(
        `${api.url.replace(/^http/, 'ws')}/graphql`,
        'graphql-transport-ws',
      );
      await new Promise((resolve) => socket.once('open', resolve));
      const envelope = JSON.stringify({ type: 'connection_init', payload: { x: '' } });
      socket.send(
        JSON.stringify({
          type: 'connection_init',
          payload: { x: 'a'.repeat(bytes - envelope.length) },
        }),
      );
      return new Promise<string>((resolve) => {
        socket.once('message', () => {
          sockets.push(socket);
          resolve('acknowledged');
        });
        socket.once('close', (code) => resolve(`closed ${code}`));
      });
    };
    expect(await sendInit(maxRequestBytes)).toBe('acknowledged');
    expect(await sendInit(maxRequestBytes + 1)).toBe('closed 1009');
  });

  it('closes the connection on the header of a 100 MiB frame, before any of its payload arrives', async () => {
    const socket = await new Promise<Socket>((resolve, reject) => {
      const upgrade = httpRequest(`${api.url}/graphql`, {
        headers: {
          connection: 'Upgrade',
          upgrade: 'websocket',
          'sec-websocket-version': '13',
          'sec-websocket-key': randomBytes(16).toString('base64'),
          'sec-websocket-protocol': 'graphql-transport-ws',
        },
      });
      upgrade.once('upgrade', (_response, upgraded) => resolve(upgraded));
      upgrade.once('response', (response) =>
        reject(new Error(`no upgrade: ${response.statusCode}`)),
      );
      upgrade.end();
    });
    // A masked text frame announcing 100 MiB (64-bit length), and none of it sent.
    const header = Buffer.alloc(14);
    header[0] = 0x81;
    header[1] = 0x80 | 127;
    header.writeBigUInt64BE(BigInt(100 * 1024 * 1024), 2);
    randomBytes(4).copy(header, 10);
    const reply = new Promise<Buffer>((resolve) => socket.once('data', resolve));
    socket.write(header);
    const frame = await reply;
    socket.destroy();
    // A close frame (opcode 8) with status 1009, Message Too Big.
    expect(frame[0]! & 0x0f).toBe(0x8);
    expect(frame.readUInt16BE(2)).toBe(1009);
  });

  it('answers an upgrade to a target it cannot parse with 404, and keeps running', async () => {
    const { port } = new URL(api.url);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () =>
        socket.write(
          'GET http://[ HTTP/1.1\r\nHost: localhost\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n' +
            `Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\n\r\n`,
        ),
      );
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.once('close', () => resolve(text));
      socket.once('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 404/);
    expect(await open()).toBe('acknowledged');
  });

  it('refuses bad credentials at connect (4401) instead of going on anonymously', async () => {
    expect(await open({ params: { authorization: 'Bearer not-a-token' } })).toBe('closed 4401');
    expect(await open({ params: { authorization: 'not even a bearer' } })).toBe('closed 4401');
    expect(await open({ headers: { cookie: 'parkeer_session=not-a-session' } })).toBe(
      'closed 4401',
    );

    const token = await new TestClient(api.url).request<Data>(
      'mutation ($email: String!, $password: String!) { createAccessToken(email: $email, password: $password) { token } }',
      { email: 'bram@demo.parkeer.nl', password: demoPassword },
    );
    const bearer = token.data!.createAccessToken.token as string;
    expect(await open({ params: { authorization: `Bearer ${bearer}` } })).toBe('acknowledged');
    const anna = await loggedIn(api.url, 'anna@demo.parkeer.nl');
    const cookie = anna.lastSetCookie!.split(';')[0]!;
    expect(await open({ headers: { cookie } })).toBe('acknowledged');
    // Other cookies of the site are no claim to a login.
    expect(await open({ headers: { cookie: 'theme=dark' } })).toBe('acknowledged');

    // A token that ended (logout) is refused like a wrong one.
    const bram = new TestClient(api.url, { authorization: `Bearer ${bearer}` });
    expect((await bram.request('mutation { logout }')).errors).toBeUndefined();
    expect(await open({ params: { authorization: `Bearer ${bearer}` } })).toBe('closed 4401');
  });
});

describe.each(dialects)('WebSocket connections per client on %s', (dialect) => {
  useEnvironment({ WS_MAX_CONNECTIONS_PER_CLIENT: undefined, TRUST_PROXY: 'loopback' });
  const api = useDemoApi(dialect);
  const limit = loadConfig({}).WS_MAX_CONNECTIONS_PER_CLIENT;
  const sockets: WebSocket[] = [];
  const open = async (headers: Record<string, string> = {}) => {
    const result = await handshake(api.url, { headers });
    if (result.kind === 'acknowledged') sockets.push(result.socket);
    return result;
  };
  beforeAll(() => {
    expect(limit).toBeGreaterThan(1);
  });
  afterAll(async () => {
    await Promise.all(sockets.map(closeSocket));
  });

  it(`refuses connection ${limit + 1} of one client with 4429, and takes one again when another closes`, async () => {
    const client = { 'x-forwarded-for': '203.0.113.7' };
    const first: WebSocket[] = [];
    for (let i = 0; i < limit; i++) {
      const result = await open(client);
      expect(outcome(result)).toBe('acknowledged');
      if (result.kind === 'acknowledged') first.push(result.socket);
    }
    expect(outcome(await open(client))).toBe('closed 4429');
    // Another client (behind the same trusted proxy) is not affected.
    expect(outcome(await open({ 'x-forwarded-for': '203.0.113.8' }))).toBe('acknowledged');

    await closeSocket(first[0]!);
    // The server counts the close when its side of the socket ends: ask until it has.
    let again = await open(client);
    for (let tries = 0; again.kind === 'closed' && tries < 50; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      again = await open(client);
    }
    expect(outcome(again)).toBe('acknowledged');
  });
});
