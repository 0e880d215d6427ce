import { describe, expect, it, vi } from 'vitest';
import { fetchAbout } from './fetch-about.js';

function respond(status: number, body: unknown) {
  return vi.fn<typeof fetch>(async () => Response.json(body, { status }));
}

describe('fetchAbout', () => {
  it('POSTs the about query as JSON and returns name and version', async () => {
    const fetchFn = respond(200, { data: { about: { name: '@parkeer/api', version: '1.2.3' } } });

    await expect(fetchAbout(fetchFn)).resolves.toEqual({ name: '@parkeer/api', version: '1.2.3' });

    const [endpoint, init] = fetchFn.mock.calls[0]!;
    expect(endpoint).toBe('/graphql');
    // A JSON POST is what gets past Apollo's CSRF prevention without a preflight header.
    expect(init?.method).toBe('POST');
    expect(new Headers(init?.headers).get('content-type')).toBe('application/json');
    expect(JSON.parse(String(init?.body)).query).toMatch(/about\s*{\s*name\s+version\s*}/);
  });

  it('fails with the first GraphQL error when there is no data', async () => {
    const fetchFn = respond(200, { data: null, errors: [{ message: 'boom' }] });

    await expect(fetchAbout(fetchFn)).rejects.toThrow('boom');
  });

  it('fails on an HTTP error status', async () => {
    await expect(fetchAbout(respond(400, {}))).rejects.toThrow('HTTP 400');
  });
});
