import argon2 from 'argon2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../src/seed/demo-seed.js';
import { Account } from '../src/model/account.entity.js';
import { EnforcementTown } from '../src/model/enforcement-town.entity.js';
import { Municipality } from '../src/model/municipality.entity.js';
import { RightCheckLog } from '../src/model/right-check-log.entity.js';
import { hashOptions } from '../src/modules/auth/password-hash.js';
import { flushRightCheckLog } from '../src/modules/enforcement/right-check-log-writer.js';
import {
  observeCompiledOperations,
  type CompiledOperation,
} from '../src/compiled-path/compiled-path.js';
import { trustedOperations } from '../src/compiled-path/trusted-documents.js';
import { useDemoApi } from './demo-api.js';
import { loggedIn } from './login.js';
import { testDialects } from './test-databases.js';

const dialects = await testDialects();

const operation = (name: string) => {
  const found = trustedOperations.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no trusted document ${name}`);
  return found;
};

/** Headers that differ between any two answers by design. */
const varying = new Set(['date', 'etag', 'content-length', 'x-request-id', 'connection']);

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: { data?: unknown; errors?: unknown[] };
}

/** checkId names the answer's own log row: it differs between any two checks by design. */
function withoutCheckIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutCheckIds);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== 'checkId')
        .map(([key, inner]) => [key, withoutCheckIds(inner)]),
    );
  }
  return value;
}

describe.each(dialects)('the compiled path for trusted documents on %s', (dialect) => {
  const api = useDemoApi(dialect);
  const compiled: CompiledOperation[] = [];
  let stopObserving: () => void;
  let officer: string;
  let delftOfficer: string;
  let resident: string;

  const post = async (body: unknown, headers: Record<string, string> = {}): Promise<Answer> => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    const kept = [...response.headers].filter(([name]) => !varying.has(name));
    return {
      status: response.status,
      headers: Object.fromEntries(kept),
      body: (await response.json()) as Answer['body'],
    };
  };

  /**
   * The same request twice: the whole document (Apollo), then its id (the compiled path); the
   * second must have been answered by the compiled path.
   */
  const throughBoth = async (
    name: string,
    variables: Record<string, unknown>,
    headers: Record<string, string> = {},
  ) => {
    const { body, id } = operation(name);
    const apollo = await post({ query: body, variables }, headers);
    const before = compiled.length;
    const viaId = await post({ documentId: `sha256:${id}`, variables }, headers);
    expect(compiled.slice(before).map((answered) => answered.name)).toEqual([name]);
    return { apollo, compiled: viaId };
  };

  const tokenOf = async (email: string) => {
    const answer = await post({
      query: operation('ScanCarAccessToken').body,
      variables: { email, password: demoPassword },
    });
    const token = (answer.body.data as { createAccessToken?: { token: string } } | null)
      ?.createAccessToken?.token;
    if (!token) throw new Error(JSON.stringify(answer.body));
    return { authorization: `Bearer ${token}` };
  };

  const logRows = async () => {
    await flushRightCheckLog(api.orm.em);
    const rows = await api.em().find(RightCheckLog, {}, { orderBy: { createdAt: 'asc' } });
    return rows.map((row) => ({
      checkedBy: row.checkedBy?.id ?? null,
      checkedAt: row.checkedAt.toISOString(),
      checkedFor: row.checkedFor.toISOString(),
      zone: row.zone.id,
      valid: row.valid,
      rightKind: row.rightKind ?? null,
    }));
  };

  beforeAll(async () => {
    stopObserving = observeCompiledOperations((answered) => compiled.push(answered));
    const em = api.em();
    const account = em.create(Account, {
      email: 'handhaving@alleen-delft.example.nl',
      role: 'enforcement',
      passwordHash: await argon2.hash(demoPassword, hashOptions()),
    });
    em.create(EnforcementTown, {
      account,
      municipality: await em.findOneOrFail(Municipality, { code: 'delft' }),
    });
    await em.flush();
    officer = (await tokenOf('handhaving@demo.parkeer.nl')).authorization;
    delftOfficer = (await tokenOf('handhaving@alleen-delft.example.nl')).authorization;
    resident = (await tokenOf('bram@demo.parkeer.nl')).authorization;
  });
  afterAll(() => stopObserving());

  const check = (input: Record<string, unknown>) => ({ input });
  const green = { plate: 'XX-999-X', zone: 'centrum', municipality: 'oudstad' };

  it.each([
    ['a green plate', 'officer', check(green), {}],
    ['a plate without a right', 'officer', check({ ...green, plate: 'AB12CD' }), {}],
    ['an unknown zone', 'officer', check({ ...green, zone: 'nergens' }), {}],
    ['a malformed plate', 'officer', check({ ...green, plate: '!' }), {}],
    ['another town', 'delft', check(green), {}],
    ['no login, in English', null, check(green), { 'accept-language': 'en' }],
    ["a resident's login", 'resident', check(green), {}],
  ] as const)(
    'answers %s alike on both paths, with the same check log rows',
    async (_case, who, variables, extra) => {
      const authorization = who && { officer, delft: delftOfficer, resident }[who];
      const headers: Record<string, string> = {
        ...extra,
        ...(authorization ? { authorization } : {}),
      };
      const before = (await logRows()).length;
      const { apollo, compiled: viaId } = await throughBoth('RightCheck', variables, headers);
      expect(withoutCheckIds(viaId)).toEqual(withoutCheckIds(apollo));
      const rows = (await logRows()).slice(before);
      // One row per answered check, the same on both paths; none for a refused one.
      expect(rows.length % 2).toBe(0);
      expect(rows.slice(rows.length / 2)).toEqual(rows.slice(0, rows.length / 2));
    },
  );

  it('answers a batch alike, refused items in their places, with the same check log rows', async () => {
    const before = (await logRows()).length;
    const items = [
      green,
      { ...green, plate: 'AB12CD' },
      { ...green, plate: '!' },
      { ...green, zone: 'nergens' },
    ];
    const { apollo, compiled: viaId } = await throughBoth(
      'RightCheckBatch',
      { input: { items } },
      { authorization: officer },
    );
    expect(apollo.body.errors).toBeUndefined();
    expect(withoutCheckIds(viaId)).toEqual(withoutCheckIds(apollo));
    const rows = (await logRows()).slice(before);
    expect(rows).toHaveLength(4);
    expect(rows.slice(2)).toEqual(rows.slice(0, 2));
  });

  it("takes Apollo's persisted query extension as the id too", async () => {
    const { id, name } = operation('RightCheck');
    const before = compiled.length;
    const answer = await post(
      { variables: check(green), extensions: { persistedQuery: { version: 1, sha256Hash: id } } },
      { authorization: officer },
    );
    expect(answer.body.data).toMatchObject({ rightCheck: { valid: true, kind: 'permit' } });
    expect(compiled.slice(before).map((answered) => answered.name)).toEqual([name]);
  });

  it('leaves what is unusual to Apollo: bad variables, control characters, unknown ids, batches', async () => {
    const { id } = operation('RightCheck');
    const before = compiled.length;
    const documentId = `sha256:${id}`;
    const headers = { authorization: officer };
    // Variables GraphQL refuses: Apollo's 400, as for the whole document.
    const missing = await post({ documentId, variables: {} }, headers);
    expect(missing.status).toBe(400);
    expect(missing.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(missing).toEqual(
      await post({ query: operation('RightCheck').body, variables: {} }, headers),
    );
    const control = await post(
      { documentId, variables: check({ ...green, zone: 'a\u0000' }) },
      headers,
    );
    expect(control.status).toBe(400);
    expect(control.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    // A hash no manifest knows: Apollo's persisted queries answer it with a catalogue code.
    const unknown = await post(
      {
        variables: check(green),
        extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } },
      },
      headers,
    );
    expect(unknown.body.errors?.[0]).toMatchObject({
      extensions: { code: 'PERSISTED_QUERY_NOT_FOUND', messages: { en: expect.any(String) } },
    });
    const batched = await post([{ documentId, variables: check(green) }], headers);
    expect(batched.status).toBe(400);
    expect(compiled.length).toBe(before);
  });

  // Last: the wrong passwords lock the client's address for a while.
  it('counts wrong passwords alike and answers RATE_LIMITED with Retry-After on both paths', async () => {
    const attempt = (email: string, viaId: boolean) => {
      const { body, id } = operation('ScanCarAccessToken');
      const variables = { email, password: 'not-the-password' };
      return post(viaId ? { documentId: id, variables } : { query: body, variables });
    };
    const answers: Answer[][] = [[], []];
    for (const [path, viaId] of [
      [0, false],
      [1, true],
    ] as const) {
      for (let i = 0; i < 6; i++)
        answers[path]!.push(await attempt(`niemand-${path}@demo.parkeer.nl`, viaId));
    }
    const [apollo, compiledAnswers] = answers as [Answer[], Answer[]];
    expect(compiledAnswers).toEqual(apollo);
    const last = compiledAnswers.at(-1)!;
    expect(last.body.errors?.[0]).toMatchObject({ extensions: { code: 'RATE_LIMITED' } });
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
  });

  it("spends a machine key's budget alike on both paths: the headers count down, then 429", async () => {
    const admin = await loggedIn(api.url, 'beheer@delft.demo.parkeer.nl');
    const issued = await admin.request<{ createPartnerKey: { secret: string } }>(
      `mutation ($input: CreatePartnerKeyInput!) { createPartnerKey(input: $input) { secret } }`,
      {
        input: {
          partnerName: 'Scan BV',
          label: 'Budget',
          scopes: ['rightCheck'],
          requestsPerMinute: 3,
        },
      },
    );
    const key = { authorization: `Bearer ${issued.data!.createPartnerKey.secret}` };
    const variables = check({ plate: 'GB-123-K', zone: 'B', municipality: 'delft' });
    const { apollo, compiled: viaId } = await throughBoth('RightCheck', variables, key);
    expect(apollo.headers['ratelimit-remaining']).toBe('2');
    expect(viaId.headers['ratelimit-remaining']).toBe('1');
    expect(withoutCheckIds(viaId.body)).toEqual(withoutCheckIds(apollo.body));

    const { id } = operation('RightCheck');
    const last = await post({ documentId: `sha256:${id}`, variables }, key);
    expect(last.headers['ratelimit-remaining']).toBe('0');
    const spentCompiled = await post({ documentId: `sha256:${id}`, variables }, key);
    const spentApollo = await post({ query: operation('RightCheck').body, variables }, key);
    for (const spent of [spentCompiled, spentApollo]) {
      expect(spent.status).toBe(429);
      expect(spent.body.errors?.[0]).toMatchObject({
        extensions: { code: 'PARTNER_KEY_BUDGET_SPENT' },
      });
      expect(Number(spent.headers['retry-after'])).toBeGreaterThan(0);
    }
    expect(spentCompiled.body.errors).toEqual(spentApollo.body.errors);
  });
});
