import { beforeAll, describe, expect, it } from 'vitest';
import { Permit } from '../src/modules/permit/permit.entity.js';
import { TestClient } from './graphql-client.js';
import { useDemoApi } from './demo-api.js';
import { loggedIn } from './login.js';
import { testDialects } from './test-databases.js';

/* Review: malformed input must be refused with a catalogue code, never INTERNAL_ERROR. */

const dialects = await testDialects();
type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe.each(dialects)('malformed input on %s', (dialect) => {
  const api = useDemoApi(dialect);
  let anna: TestClient;
  let annaPermit: string;

  beforeAll(async () => {
    anna = await loggedIn(api.url, 'anna@demo.parkeer.nl');
    annaPermit = (
      await api.orm.em.fork().findOneOrFail(Permit, { holder: { email: 'anna@demo.parkeer.nl' } })
    ).id;
  });

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
});
