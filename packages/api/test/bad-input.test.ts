import { beforeAll, describe, expect, it } from 'vitest';
import { Permit } from '../src/model/permit.entity.js';
import { TestClient } from './graphql-client.js';
import { useDemoApi } from './demo-api.js';
import { loggedIn } from './login.js';
import { testDialects } from './test-databases.js';
import { Topic } from '../src/graphql/pubsub.js';
import { Stream, until, wsClient } from './ws-client.js';

/* Review: malformed input must be refused with a catalogue code, never INTERNAL_ERROR. */

const dialects = await testDialects();
type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe.each(dialects)('malformed input on %s', (dialect) => {
  const api = useDemoApi(dialect);
  let anna: TestClient;
  let annaPermit: string;
  let delftAdmin: TestClient;
  let officer: TestClient;

  beforeAll(async () => {
    anna = await loggedIn(api.url, 'anna@demo.parkeer.nl');
    annaPermit = (
      await api.orm.em.fork().findOneOrFail(Permit, { holder: { email: 'anna@demo.parkeer.nl' } })
    ).id;
    delftAdmin = await loggedIn(api.url, 'beheer@delft.demo.parkeer.nl');
    officer = await loggedIn(api.url, 'handhaving@demo.parkeer.nl');
  });

  const codeOf = (result: { errors?: { extensions: { code: string } }[] }) =>
    result.errors?.[0]?.extensions.code;
  const issueInput = (fields: Record<string, unknown>) => ({
    productType: 'visitor-permit',
    zone: 'D',
    addressKey: `bad-input-${Math.random()}`,
    addressLabel: 'Markt 7, Delft',
    holderType: 'resident',
    validFrom: '2026-11-23T00:00:00.000Z',
    email: 'nieuw@example.nl',
    ...fields,
  });
  const issuedPermits = () => api.em().count(Permit, { addressLabel: { $like: 'Markt%' } });

  // U+0000 is valid in a JSON/GraphQL string; libsql cuts the SQL text at it and PostgreSQL's
  // protocol refuses it ("invalid message format"); nothing checks for it before the database.
  it('refuses a NUL character in text input instead of failing with INTERNAL_ERROR', async () => {
    const cases: [string, string, Record<string, unknown>, TestClient][] = [
      [
        'login (no account needed)',
        `mutation ($e: String!) { login(input: { email: $e, password: "x" }) { expiresAt } }`,
        { e: 'a\u0000@x.nl' },
        new TestClient(api.url),
      ],
      [
        'requestPasswordReset (no account needed)',
        `mutation ($e: String!) { requestPasswordReset(email: $e) }`,
        { e: 'a\u0000@x.nl' },
        new TestClient(api.url),
      ],
      [
        'addFavorite name',
        `mutation ($p: ID!, $n: String!) { addFavorite(input: { permitId: $p, plate: "GB-124-K", name: $n }) { id } }`,
        { p: annaPermit, n: 'a\u0000b' },
        anna,
      ],
      [
        'startSession idempotencyKey',
        `mutation ($p: ID!, $k: String!) { startSession(input: { productId: $p, plate: "GB-125-K", idempotencyKey: $k }) { __typename } }`,
        { p: annaPermit, k: 'k\u0000' },
        anna,
      ],
      [
        'inviteDelegation email',
        `mutation ($p: ID!, $e: String!) { inviteDelegation(input: { productId: $p, email: $e, amount: 1, idempotencyKey: "nul" }) { id } }`,
        { p: annaPermit, e: 'a\u0000b@x.nl' },
        anna,
      ],
      [
        'addProductByCode code',
        `mutation ($c: String!) { addProductByCode(input: { productCode: $c, pin: "1234" }) { id } }`,
        { c: 'PK\u0000' },
        anna,
      ],
    ];
    const failures: string[] = [];
    for (const [name, query, variables, client] of cases) {
      const result = await client.request<Data>(query, variables);
      const code = result.errors?.[0]?.extensions.code;
      if (code === 'INTERNAL_ERROR' || result.status >= 500) failures.push(name);
    }
    expect(failures).toEqual([]);
  });

  // A cursor is the client's to send back; a forged one must be BAD_USER_INPUT (connection.ts
  // promises "never a database error"). PostgreSQL refuses timestamps outside its range.
  it('refuses a history cursor whose date the database cannot hold', async () => {
    const cursor = (at: number) =>
      Buffer.from(JSON.stringify([at, '00000000-0000-4000-8000-000000000000'])).toString(
        'base64url',
      );
    for (const query of ['sessionHistory', 'transactionHistory']) {
      for (const at of [-8.64e15, 8.64e15]) {
        const result = await anna.request<Data>(
          `query ($p: ID!, $a: String) { ${query}(permitId: $p, after: $a) { totalCount } }`,
          { p: annaPermit, a: cursor(at) },
        );
        const code = result.errors?.[0]?.extensions.code;
        expect(code === undefined || code === 'BAD_USER_INPUT', `${query} ${at}: ${code}`).toBe(
          true,
        );
      }
    }
  });

  // Year 10000 passed the scalar as the last moment of 9999 in Amsterdam and failed in the
  // calendar code (INTERNAL_ERROR); years before 1900 were stored as given.
  it('refuses dates outside the years 1900-9999 with DATE_OUT_OF_RANGE, in variables and literals', async () => {
    const start = `mutation ($input: StartSessionInput!) { startSession(input: $input) { __typename } }`;
    const issue = `mutation ($input: IssuePermitInput!) { issuePermit(input: $input) { productCode } }`;
    const check = `query ($input: RightCheckInput!) { rightCheck(input: $input) { valid } }`;
    const audit = `query ($f: AuditLogFilter) { auditLog(filter: $f) { totalCount } }`;
    const before = await issuedPermits();
    const balance = await api.balanceOf(annaPermit);
    for (const at of [
      '10000-01-01T00:00:00.000Z',
      '+010000-01-01T00:00:00Z',
      '9999-12-31T23:00:00-05:00',
      '1899-12-31T23:59:59Z',
      '1900-01-01T00:30:00+01:00',
    ]) {
      const cases: [string, TestClient, string, Record<string, unknown>][] = [
        [
          'startSession start',
          anna,
          start,
          {
            input: {
              productId: annaPermit,
              plate: 'GB-124-K',
              start: at,
              idempotencyKey: 'date-start',
            },
          },
        ],
        [
          'startSession end',
          anna,
          start,
          {
            input: {
              productId: annaPermit,
              plate: 'GB-124-K',
              end: at,
              idempotencyKey: 'date-end',
            },
          },
        ],
        ['issuePermit validFrom', delftAdmin, issue, { input: issueInput({ validFrom: at }) }],
        ['issuePermit validUntil', delftAdmin, issue, { input: issueInput({ validUntil: at }) }],
        [
          'rightCheck at',
          officer,
          check,
          { input: { plate: 'GB123K', zone: 'B', municipality: 'delft', at } },
        ],
        ['auditLog from', delftAdmin, audit, { f: { from: at } }],
      ];
      for (const [name, client, query, variables] of cases) {
        const result = await client.request<Data>(query, variables);
        expect(codeOf(result), `${name} ${at}`).toBe('DATE_OUT_OF_RANGE');
        expect(result.errors?.[0]?.extensions.messages.en, name).toContain('1900');
      }
    }
    const literal = await anna.request<Data>(
      `mutation { startSession(input: { productId: "${annaPermit}", plate: "GB-124-K", start: "10000-01-01T00:00:00Z", idempotencyKey: "date-literal" }) { __typename } }`,
    );
    expect(codeOf(literal)).toBe('DATE_OUT_OF_RANGE');
    expect(await issuedPermits()).toBe(before);
    expect(await api.balanceOf(annaPermit)).toBe(balance);

    // The edges themselves are dates like any other: refused only by the rules that apply.
    for (const at of ['1900-01-01T00:00:00Z', '9999-12-31T23:59:59.999Z']) {
      const result = await officer.request<Data>(check, {
        input: { plate: 'GB123K', zone: 'B', municipality: 'delft', at },
      });
      expect(codeOf(result), at).toBe('RIGHT_CHECK_TIME_OUT_OF_RANGE');
    }
  });

  // PostgreSQL failed on `startPermitId: ""` ("invalid input syntax for type uuid").
  it('answers NOT_FOUND for an empty or malformed id, as for an unknown one', async () => {
    const cases: [string, string, Record<string, unknown>][] = [
      [
        'updateSettings (variable)',
        `mutation ($p: ID) { updateSettings(input: { startPermitId: $p }) { email } }`,
        { p: '' },
      ],
      [
        'updateSettings (literal)',
        `mutation { updateSettings(input: { startPermitId: "" }) { email } }`,
        {},
      ],
      ['favorites', `query ($p: ID!) { favorites(permitId: $p) { id } }`, { p: 'not-a-uuid' }],
      ['stopSession', `mutation ($s: ID!) { stopSession(sessionId: $s) { id } }`, { s: '' }],
      ['stopSession (number)', `mutation { stopSession(sessionId: 42) { id } }`, {}],
      [
        'addFavorite',
        `mutation ($p: ID!) { addFavorite(input: { permitId: $p, plate: "GB-124-K", name: "x" }) { id } }`,
        { p: `${annaPermit}x` },
      ],
      [
        'unknown',
        `query ($p: ID!) { favorites(permitId: $p) { id } }`,
        { p: '00000000-0000-4000-8000-000000000000' },
      ],
    ];
    for (const [name, query, variables] of cases) {
      expect(codeOf(await anna.request<Data>(query, variables)), name).toBe('NOT_FOUND');
    }
    const me = await anna.request<Data>('{ me { startPermitId } }');
    expect(me.data?.me.startPermitId).toBeNull();
  });

  // SQLite keeps ids as text: an upper-case id named no row there, but the same one on PostgreSQL.
  it('reads an upper-case id as the same id', async () => {
    const upper = annaPermit.toUpperCase();
    expect(upper).not.toBe(annaPermit);
    const added = await anna.request<Data>(
      `mutation ($p: ID!) { addFavorite(input: { permitId: $p, plate: "GB-126-K", name: "Oma" }) { id } }`,
      { p: upper },
    );
    expect(added.errors).toBeUndefined();
    const favoriteId: string = added.data!.addFavorite.id;
    const listed = await anna.request<Data>(
      `query { favorites(permitId: "${upper}") { id name } }`,
    );
    expect(listed.data?.favorites).toContainEqual({ id: favoriteId, name: 'Oma' });
    const settings = await anna.request<Data>(
      `mutation ($p: ID) { updateSettings(input: { startPermitId: $p }) { startPermitId } }`,
      { p: upper },
    );
    expect(settings.data?.updateSettings.startPermitId).toBe(annaPermit);
    const removed = await anna.request<Data>(`mutation ($id: ID!) { deleteFavorite(id: $id) }`, {
      id: favoriteId.toUpperCase(),
    });
    expect(removed.data?.deleteFavorite).toBe(true);
  });

  // PostgreSQL refused a lone surrogate ("invalid byte sequence"), INTERNAL_ERROR; SQLite kept it.
  it('refuses a lone surrogate in text input, like a control character', async () => {
    const before = await issuedPermits();
    const issue = `mutation ($input: IssuePermitInput!) { issuePermit(input: $input) { productCode } }`;
    for (const text of ['Markt \uD800 7', 'Markt 7\uDFFF', '\uDC00\uD800']) {
      const result = await delftAdmin.request<Data>(issue, {
        input: issueInput({ addressLabel: text }),
      });
      expect(codeOf(result), JSON.stringify(text)).toBe('BAD_USER_INPUT');
      const favorite = await anna.request<Data>(
        `mutation ($p: ID!, $n: String!) { addFavorite(input: { permitId: $p, plate: "GB-127-K", name: $n }) { id } }`,
        { p: annaPermit, n: text },
      );
      expect(codeOf(favorite), JSON.stringify(text)).toBe('BAD_USER_INPUT');
    }
    expect(await issuedPermits()).toBe(before);
    // A whole character outside the BMP is two surrogates together, and text like any other.
    const emoji = await delftAdmin.request<Data>(issue, {
      input: issueInput({ addressLabel: 'Markt 7 \u{1F697}' }),
    });
    expect(emoji.errors).toBeUndefined();
  });

  // The last hours of 9999 are the first of 10000 in Amsterdam: the calendar code failed on
  // them (INTERNAL_ERROR) where a default end or a permit year is worked out.
  it('refuses a session whose local date lies beyond 9999 with DATE_OUT_OF_RANGE, not INTERNAL_ERROR', async () => {
    const start = `mutation ($input: StartSessionInput!) { startSession(input: $input) { __typename } }`;
    const quote = `query ($input: SessionRequestInput!) { quoteSession(input: $input) { __typename } }`;
    const balance = await api.balanceOf(annaPermit);
    for (const at of ['9999-12-31T23:59:59.999Z', '9999-12-31T23:00:00Z']) {
      const request = { productId: annaPermit, plate: 'GB-124-K', start: at };
      const started = await anna.request<Data>(start, {
        input: { ...request, idempotencyKey: 'late-start' },
      });
      expect(codeOf(started), `startSession ${at}`).toBe('DATE_OUT_OF_RANGE');
      const quoted = await anna.request<Data>(quote, { input: request });
      expect(codeOf(quoted), `quoteSession ${at}`).toBe('DATE_OUT_OF_RANGE');
    }
    expect(await api.balanceOf(annaPermit)).toBe(balance);
  });

  // SQLite fails on a LIKE pattern of tens of thousands of characters ("pattern too complex").
  it('refuses an audit filter text longer than what it searches', async () => {
    const audit = `query ($f: AuditLogFilter) { auditLog(filter: $f) { totalCount } }`;
    for (const filter of [{ actor: 'é'.repeat(60_000) }, { action: 'a'.repeat(60_000) }]) {
      expect(codeOf(await delftAdmin.request<Data>(audit, { f: filter }))).toBe('BAD_USER_INPUT');
    }
    const fits = await delftAdmin.request<Data>(audit, { f: { actor: 'beheer@delft' } });
    expect(fits.errors).toBeUndefined();
  });

  // Over graphql-ws the same scalar reads the ids: SQLite found no product by an upper-case id.
  it('reads ids over graphql-ws like over HTTP: upper-case is the same product, junk NOT_FOUND', async () => {
    const balanceEvents = `subscription ($p: ID) { balanceEvents(productId: $p) { productId balance { amount } } }`;
    const client = wsClient(api.url, { cookie: anna.lastSetCookie!.split(';')[0]! });
    const junk = new Stream(client, balanceEvents, { p: 'not-a-uuid' });
    const upper = new Stream(client, balanceEvents, { p: annaPermit.toUpperCase() });
    try {
      expect((await junk.nth(0)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      await until(
        () => api.pubSub.listeners(Topic.BalanceEvents, annaPermit) >= 1,
        'a listener on the product',
      );
      const started = await anna.request<Data>(
        `mutation ($p: ID!) { startSession(input: { productId: $p, plate: "GB-128-K", idempotencyKey: "ws-upper" }) { __typename } }`,
        { p: annaPermit },
      );
      expect(started.data?.startSession.__typename).toBe('SessionAccepted');
      expect((await upper.nth(0)).data?.balanceEvents.productId).toBe(annaPermit);
    } finally {
      await Promise.all([junk.close(), upper.close()]);
      await client.dispose();
    }
  });
});
