import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationLimits } from '../src/graphql/operation-limits.js';
import { maxSubscriptionsPerConnection } from '../src/modules/live/graphql-ws.js';
import { flushRightCheckLog } from '../src/modules/enforcement/right-check-log-writer.js';
import { RightCheckLog } from '../src/model/right-check-log.entity.js';
import { MailOutbox } from '../src/model/mail-outbox.entity.js';
import { useDemoApi } from './demo-api.js';
import { TestClient, type GraphQLErrorBody } from './graphql-client.js';
import { loggedIn } from './login.js';
import { testDialects } from './test-databases.js';
import { Stream, wsClient } from './ws-client.js';

/*
 * Issue 13: one request did the work of thousands (5,000 aliased right-checks took seconds,
 * 2,000 aliased password resets each queued a mail). Operations over a limit are refused with
 * a catalogue code before anything runs, on HTTP and over the WebSocket alike.
 */

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const dialects = await testDialects();

const aliased = (count: number, field: string) =>
  Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join('\n');
const rightCheck =
  'rightCheck(input: { plate: "GB-123-K", zone: "B", municipality: "delft" }) { valid }';
const passwordReset = 'requestPasswordReset(email: "anna@demo.parkeer.nl")';
/**
 * Inline fragments on Query nest without end and stay a valid document: `levels` fragments,
 * `about` and its `name` make a depth of `levels + 2`.
 */
const nested = (levels: number) =>
  `{ ${'... on Query { '.repeat(levels)}about { name }${' }'.repeat(levels)} }`;

const codes = (errors: readonly { extensions?: unknown }[] | undefined) =>
  (errors ?? []).map((error) => (error.extensions as { code?: string } | undefined)?.code);

describe.each(dialects)('operation limits on %s', (dialect) => {
  const api = useDemoApi(dialect);
  let enforcement: TestClient;
  const clients: Client[] = [];
  const connect = (auth: { cookie?: string; bearer?: string } = {}) => {
    const client = wsClient(api.url, auth);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    enforcement = await loggedIn(api.url, 'handhaving@demo.parkeer.nl');
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
  });

  const checksLogged = async () => {
    await flushRightCheckLog(api.orm.em);
    return api.em().count(RightCheckLog, {});
  };

  it('refuses 5,000 aliased right-checks before checking one', async () => {
    const before = await checksLogged();
    const result = await enforcement.request<Data>(`{ ${aliased(5000, rightCheck)} }`);
    expect(result.status).toBe(400);
    expect(result.data ?? null).toBeNull();
    // The parser stops at its token limit: the document is never built.
    expect(codes(result.errors)).toEqual(['QUERY_TOO_LONG']);
    expect(result.errors![0]!.message).toContain(String(operationLimits.tokens));
    expect(await checksLogged()).toBe(before);
  });

  it('allows as many aliases as the limit and refuses one more, in the caller’s language', async () => {
    const before = await checksLogged();
    const allowed = await enforcement.request<Data>(
      `{ ${aliased(operationLimits.aliases, rightCheck)} }`,
    );
    expect(allowed.errors).toBeUndefined();
    expect(Object.keys(allowed.data!)).toHaveLength(operationLimits.aliases);
    expect(await checksLogged()).toBe(before + operationLimits.aliases);

    const refused = await enforcement.request<Data>(
      `{ ${aliased(operationLimits.aliases + 1, rightCheck)} }`,
    );
    expect(refused.status).toBe(400);
    expect(codes(refused.errors)).toEqual(['QUERY_TOO_MANY_ALIASES']);
    const error = refused.errors![0]! as GraphQLErrorBody;
    expect(error.extensions.params).toEqual({ limit: operationLimits.aliases });
    expect(error.extensions.messages.nl).toContain(String(operationLimits.aliases));
    expect(error.extensions.messages.en).toContain(String(operationLimits.aliases));
    expect(await checksLogged()).toBe(before + operationLimits.aliases);

    // Without an account, the browser's language.
    const english = new TestClient(api.url, { 'accept-language': 'en' });
    const inEnglish = await english.request<Data>(
      `{ ${aliased(operationLimits.aliases + 1, 'about { name }')} }`,
    );
    const englishError = inEnglish.errors![0]! as GraphQLErrorBody;
    expect(englishError.extensions.code).toBe('QUERY_TOO_MANY_ALIASES');
    expect(englishError.message).toBe(englishError.extensions.messages.en);
  });

  it('refuses 2,000 aliased password resets, and a mutation of more fields than allowed, without a mail', async () => {
    const mails = () => api.em().count(MailOutbox, {});
    const before = await mails();
    const anonymous = new TestClient(api.url);
    const thousands = await anonymous.request<Data>(`mutation { ${aliased(2000, passwordReset)} }`);
    expect(thousands.status).toBe(400);
    expect(codes(thousands.errors)).toEqual(['QUERY_TOO_LONG']);

    const justOver = await anonymous.request<Data>(
      `mutation { ${aliased(operationLimits.mutationFields + 1, passwordReset)} }`,
    );
    expect(justOver.status).toBe(400);
    expect(codes(justOver.errors)).toEqual(['MUTATION_TOO_MANY_FIELDS']);
    // A fragment on Mutation does not hide fields from the count.
    const spread = await anonymous.request<Data>(
      `mutation { ...resets } fragment resets on Mutation { ${aliased(operationLimits.mutationFields + 1, passwordReset)} }`,
    );
    expect(codes(spread.errors)).toEqual(['MUTATION_TOO_MANY_FIELDS']);
    expect(await mails()).toBe(before);

    // As many as allowed run (a harmless mutation: resets may be rate-limited per address).
    const throwaway = await loggedIn(api.url, 'anna@demo.parkeer.nl');
    const atLimit = await throwaway.request<Data>(
      `mutation { ${aliased(operationLimits.mutationFields, 'logout')} }`,
    );
    expect(atLimit.errors).toBeUndefined();
    expect(Object.keys(atLimit.data!)).toHaveLength(operationLimits.mutationFields);
  });

  it('refuses a depth bomb, too many directives and too high a cost', async () => {
    const anna = await loggedIn(api.url, 'anna@demo.parkeer.nl');
    const permit = await api.permitOf('anna@demo.parkeer.nl');
    expect((await anna.request<Data>(nested(operationLimits.depth - 2))).errors).toBeUndefined();
    const bomb = await anna.request<Data>(nested(50));
    expect(bomb.status).toBe(400);
    // Its cost, growing with every level, is over the limit too.
    expect(codes(bomb.errors)).toContain('QUERY_TOO_DEEP');

    const directives = await anna.request<Data>(
      `{ ${aliased(operationLimits.directives + 1, 'about @include(if: true) { name }')} }`,
    );
    expect(codes(directives.errors)).toEqual(['QUERY_TOO_MANY_DIRECTIVES']);

    // Within the alias, depth and token limits, but each page of 50 weighs 50 times.
    const pages = await anna.request<Data>(
      `query ($p: ID!) { ${aliased(operationLimits.aliases, 'sessionHistory(permitId: $p, first: 50) { totalCount }')} }`,
      { p: permit },
    );
    expect(codes(pages.errors)).toEqual(['QUERY_TOO_COMPLEX']);
    const fewer = await anna.request<Data>(
      `query ($p: ID!) { ${aliased(2, 'sessionHistory(permitId: $p, first: 50) { totalCount }')} }`,
      { p: permit },
    );
    expect(fewer.errors).toBeUndefined();
  });

  it('applies the same limits over the WebSocket', async () => {
    const client = connect();
    const first = async (query: string, variables: Record<string, unknown> = {}) =>
      (await new Stream(client, query, variables).completed()).at(-1)!;
    expect(
      codes((await first(`{ ${aliased(operationLimits.aliases + 1, 'about { name }')} }`)).errors),
    ).toEqual(['QUERY_TOO_MANY_ALIASES']);
    expect(codes((await first(nested(50))).errors)).toContain('QUERY_TOO_DEEP');
    expect(codes((await first(`{ ${aliased(2000, 'about { name }')} }`)).errors)).toEqual([
      'QUERY_TOO_LONG',
    ]);
    expect(
      codes(
        (await first(`mutation { ${aliased(operationLimits.mutationFields + 1, passwordReset)} }`))
          .errors,
      ),
    ).toEqual(['MUTATION_TOO_MANY_FIELDS']);
    // What is within the limits still runs.
    expect((await first('{ about { name } }')).data?.about.name).toBeTruthy();
  });

  it('refuses control characters over the WebSocket as over HTTP', async () => {
    const anna = await loggedIn(api.url, 'anna@demo.parkeer.nl');
    const client = connect({ cookie: anna.lastSetCookie!.split(';')[0]! });
    for (const [query, variables] of [
      // Text, not ids: a malformed id is refused by the ID scalar first (NOT_FOUND).
      ['mutation ($e: String!) { requestPasswordReset(email: $e) }', { e: 'a\u0000@b.nl' }],
      ['mutation { requestPasswordReset(email: "a\\u0001@b.nl") }', {}],
    ] as const) {
      const [result] = await new Stream(client, query, variables).completed();
      expect(codes(result!.errors)).toEqual(['BAD_USER_INPUT']);
      expect((result!.errors![0] as GraphQLErrorBody).extensions.detail).toMatch(
        /control character/,
      );
    }
  });

  it(`refuses subscription ${maxSubscriptionsPerConnection + 1} on one connection, and takes one again when another ends`, async () => {
    const anna = await loggedIn(api.url, 'anna@demo.parkeer.nl');
    const client = connect({ cookie: anna.lastSetCookie!.split(';')[0]! });
    const permit = await api.permitOf('anna@demo.parkeer.nl');
    const query = 'subscription ($p: ID) { sessionEvents(productId: $p) { kind } }';
    const open = Array.from(
      { length: maxSubscriptionsPerConnection },
      () => new Stream(client, query, { p: permit }),
    );
    // One socket delivers in order: the server has all 50 when the next arrives.
    const refused = await new Stream(client, query, { p: permit }).completed();
    expect(codes(refused[0]?.errors)).toEqual(['TOO_MANY_SUBSCRIPTIONS']);
    expect((refused[0]!.errors![0] as GraphQLErrorBody).extensions.params).toEqual({
      limit: maxSubscriptionsPerConnection,
    });
    expect(open.every((stream) => stream.isOpen)).toBe(true);

    await open[0]!.close();
    const again = new Stream(client, query, { p: permit });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(again.isOpen).toBe(true);
    expect(again.received).toEqual([]);
    await Promise.all([...open, again].map((stream) => stream.close()));
  });
});
