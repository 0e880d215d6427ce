import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../test/test-databases.js';
import { createServer, type RunningServer } from './server.js';

const packageJson = JSON.parse(
  await readFile(new URL('../package.json', import.meta.url), 'utf8'),
) as { name: string; version: string };

const spaHtml = '<!doctype html><title>Parkeer test SPA</title><div id="root"></div>';

let server: RunningServer;
let database: TestDatabase;
let webDist: string;

beforeAll(async () => {
  webDist = await mkdtemp(join(tmpdir(), 'parkeer-web-dist-'));
  await writeFile(join(webDist, 'index.html'), spaHtml);
  database = await openTestDatabase('sqlite');
  server = await createServer({ port: 0, webDist, orm: database.orm });
});

afterAll(async () => {
  await server?.close();
  await database?.dispose();
  await rm(webDist, { recursive: true, force: true });
});

describe('API server', () => {
  it('answers the about query with the version of the api package.json (docs/rules.md §6 about)', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ about { name version } }' }),
    });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      data: { about: { name: packageJson.name, version: packageJson.version } },
    });
  });

  it('reports health on /healthz', async () => {
    const response = await fetch(`${server.url}/healthz`);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('refuses a GET query without a preflight header (CSRF prevention is on)', async () => {
    const query = encodeURIComponent('{ about { version } }');

    const refused = await fetch(`${server.url}/graphql?query=${query}`);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toMatch(/CSRF/i);

    // The same request with the header succeeds, so the 400 above is CSRF prevention's doing.
    const allowed = await fetch(`${server.url}/graphql?query=${query}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(allowed.status).toBe(200);
    expect(await allowed.json()).toEqual({ data: { about: { version: packageJson.version } } });
  });

  it('serves the SPA at / and for client-side routes, but not for missing files', async () => {
    for (const path of ['/', '/sessies/123']) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status, path).toBe(200);
      expect(await response.text(), path).toBe(spaHtml);
    }

    const missingAsset = await fetch(`${server.url}/assets/missing.js`);
    expect(missingAsset.status).toBe(404);
  });
});
