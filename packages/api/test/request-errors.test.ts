import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonErrors } from '../src/http/json-errors.js';
import { maxRequestBytes } from '../src/http/request-size.js';
import { createServer, type RunningServer } from '../src/server.js';
import type { GraphQLErrorBody } from './graphql-client.js';
import { openTestDatabase, type TestDatabase } from './test-databases.js';

/*
 * Issue 13: every error answers as GraphQL JSON. A malformed body (400), one over the limit
 * (413) or in an unknown charset (415) got Express's HTML page, with the stack outside
 * NODE_ENV=production. No request here reaches the database: SQLite alone serves.
 */

let database: TestDatabase;
let server: RunningServer;

beforeAll(async () => {
  database = await openTestDatabase('sqlite');
  server = await createServer({ port: 0, orm: database.orm, webDist: null });
});
afterAll(async () => {
  await server?.close();
  await database?.dispose();
});

async function send(
  path: string,
  init: { method?: string; body?: string; headers?: Record<string, string> } = {},
) {
  const response = await fetch(`${server.url}${path}`, {
    method: init.method ?? 'POST',
    headers: { 'content-type': 'application/json', ...init.headers },
    body: init.body,
  });
  const type = response.headers.get('content-type') ?? '';
  const text = await response.text();
  expect(type, text.slice(0, 200)).toMatch(/^application\/json/);
  return { status: response.status, ...(JSON.parse(text) as { errors?: GraphQLErrorBody[] }) };
}

describe('HTTP errors as GraphQL JSON', () => {
  it('answers a body that is not JSON with 400 BAD_REQUEST, in the asked language', async () => {
    const result = await send('/graphql', {
      body: '{"query": "{ about { name } }"',
      headers: { 'accept-language': 'en-GB,en;q=0.9' },
    });
    expect(result.status).toBe(400);
    const [error] = result.errors!;
    expect(error!.extensions.code).toBe('BAD_REQUEST');
    expect(error!.message).toBe(error!.extensions.messages.en);
    expect(JSON.stringify(result)).not.toMatch(/SyntaxError|at JSON\.parse|node_modules/);
  });

  it('reads a body up to the limit and answers a larger one with 413 PAYLOAD_TOO_LARGE', async () => {
    const body = (bytes: number) => {
      const envelope = JSON.stringify({ query: '{ about { name } }', variables: { x: '' } });
      return JSON.stringify({
        query: '{ about { name } }',
        variables: { x: 'a'.repeat(bytes - envelope.length) },
      });
    };
    const within = await send('/graphql', { body: body(maxRequestBytes) });
    expect(within.status).toBe(200);
    expect(within.errors).toBeUndefined();

    const over = await send('/graphql', { body: body(maxRequestBytes + 1) });
    expect(over.status).toBe(413);
    const [error] = over.errors!;
    expect(error!.extensions.code).toBe('PAYLOAD_TOO_LARGE');
    expect(error!.extensions.params).toEqual({ limit: '1 MB' });
    expect(error!.message).toBe(error!.extensions.messages.nl);
  });

  it('answers a charset or encoding it cannot read with 415 BAD_REQUEST', async () => {
    const charset = await send('/graphql', {
      body: '{}',
      headers: { 'content-type': 'application/json; charset=koi8-r' },
    });
    expect(charset.status).toBe(415);
    expect(charset.errors![0]!.extensions.code).toBe('BAD_REQUEST');
    const encoding = await send('/graphql', {
      body: '{}',
      headers: { 'content-encoding': 'x-unknown' },
    });
    expect(encoding.status).toBe(415);
    expect(encoding.errors![0]!.extensions.code).toBe('BAD_REQUEST');
  });

  it('answers a method GraphQL does not take with 405 (Apollo’s answer, kept JSON)', async () => {
    const result = await send('/graphql', {
      method: 'PUT',
      body: '{"query":"{ about { name } }"}',
    });
    expect(result.status).toBe(405);
    expect(result.errors![0]!.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('answers paths nobody serves with 404 NOT_FOUND', async () => {
    for (const path of ['/', '/assets/missing.js', '/webhooks']) {
      const result = await send(path, { method: 'GET' });
      expect(result.status, path).toBe(404);
      expect(result.errors![0]!.extensions.code, path).toBe('NOT_FOUND');
    }
  });

  it('answers an unexpected failure of a route with 500 INTERNAL_ERROR, without its stack', async () => {
    const app = express()
      .get('/boom', () => {
        throw new Error('internal detail');
      })
      .use(jsonErrors);
    const listener = app.listen(0);
    await new Promise((resolve) => listener.once('listening', resolve));
    try {
      const { port } = listener.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/boom`);
      expect(response.status).toBe(500);
      const text = await response.text();
      expect(text).not.toMatch(/internal detail|at .*\.ts/);
      expect(JSON.parse(text).errors[0].extensions.code).toBe('INTERNAL_ERROR');
    } finally {
      await new Promise((resolve) => listener.close(resolve));
    }
  });
});
