import { describe, expect, it, vi } from 'vitest';
import { Topic } from '../src/graphql/pubsub.js';
import { logger } from '../src/logging/logger.js';
import { AuditEntry } from '../src/model/audit-entry.entity.js';
import { PartnerKey } from '../src/model/partner-key.entity.js';
import { RightCheckLog } from '../src/model/right-check-log.entity.js';
import { hashPartnerKeySecret } from '../src/modules/partner-key/partner-key-secret.js';
import { useDemoApi, type DemoApi } from './demo-api.js';
import type { TestClient } from './graphql-client.js';
import { type GraphQLErrorBody } from './graphql-client.js';
import { loggedIn } from './login.js';
import { testDialects } from './test-databases.js';
import { Stream, wsClient } from './ws-client.js';

/* Issue 19, "Access": a town's machine keys for scan cars and town systems. */

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const keyFields = `id partnerName label scopes keyPrefix createdAt rotatedAt
  previousSecretExpiresAt revokedAt lastUsedAt requestsToday requestsLast7Days
  requestsPerMinute costPerMinute ownBudget`;
const createKey = `mutation ($input: CreatePartnerKeyInput!) {
  createPartnerKey(input: $input) { secret partnerKey { ${keyFields} } }
}`;
const rotateKey = `mutation ($id: ID!, $hours: Int!) {
  rotatePartnerKey(id: $id, overlapHours: $hours) { secret partnerKey { ${keyFields} } }
}`;
const revokeKey = `mutation ($id: ID!) { revokePartnerKey(id: $id) { ${keyFields} } }`;
const listKeys = `{ partnerKeys { ${keyFields} } }`;
const rightCheck = `query ($input: RightCheckInput!) {
  rightCheck(input: $input) { valid kind zone checkId }
}`;
const rightCheckBatch = `query ($input: RightCheckBatchInput!) {
  rightCheckBatch(input: $input) { __typename }
}`;
const places = '{ enforcementPlaces { code zones { code } } }';
const validInDelft = { plate: 'GB-123-K', zone: 'B', municipality: 'delft' };
/** Carla's resident permit in Oudstad's centre (demo data). */
const permitInOudstad = { plate: 'XX-999-X', zone: 'centrum', municipality: 'oudstad' };

/** A plain POST that keeps the response's headers (the budgets travel in them). */
async function post(
  url: string,
  key: string | null,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{ status: number; headers: Headers; data?: Data | null; errors?: GraphQLErrorBody[] }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(key ? { authorization: `Bearer ${key}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    headers: response.headers,
    ...((await response.json()) as object),
  };
}

const codeOf = (result: { errors?: GraphQLErrorBody[] }) => result.errors?.[0]?.extensions.code;

async function issue(
  admin: TestClient,
  input: Record<string, unknown>,
): Promise<{ secret: string; partnerKey: Data }> {
  const result = await admin.request<Data>(createKey, {
    input: { partnerName: 'Scan BV', label: 'Auto 1', scopes: ['rightCheck'], ...input },
  });
  expect(result.errors).toBeUndefined();
  return result.data!.createPartnerKey;
}

const dialects = await testDialects();

describe.each(dialects)('machine keys on %s', (dialect) => {
  const api: DemoApi = useDemoApi(dialect);
  const delftAdmin = () => loggedIn(api.url, 'beheer@delft.demo.parkeer.nl');

  it('are made by a town admin, shown once, and work as a bearer: the check is logged with the key, its use counted', async () => {
    const admin = await loggedIn(api.url, 'beheer@oudstad.demo.parkeer.nl');
    const { secret, partnerKey } = await issue(admin, { scopes: ['rightCheck', 'readZones'] });
    expect(secret).toMatch(/^pk_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/);
    expect(secret.startsWith(partnerKey.keyPrefix)).toBe(true);
    expect(partnerKey).toMatchObject({
      partnerName: 'Scan BV',
      scopes: ['rightCheck', 'readZones'],
      lastUsedAt: null,
      requestsToday: 0,
      revokedAt: null,
    });

    const checked = await post(api.url, secret, rightCheck, { input: permitInOudstad });
    expect(checked.errors).toBeUndefined();
    expect(checked.data!.rightCheck).toMatchObject({
      valid: true,
      kind: 'permit',
      zone: 'centrum',
    });
    const own = await post(api.url, secret, places);
    expect(own.data!.enforcementPlaces.map((town: Data) => town.code)).toEqual(['oudstad']);
    // `me` is for accounts: a key has none.
    expect((await post(api.url, secret, '{ me { email } }')).data).toEqual({ me: null });

    // The log names the key, not an account, and no plate (there is no column for one).
    const log = await api
      .em()
      .findOneOrFail(RightCheckLog, { id: checked.data!.rightCheck.checkId });
    expect(log.partnerKey?.id).toBe(partnerKey.id);
    expect(log.checkedBy ?? null).toBeNull();

    const [listed] = (await admin.request<Data>(listKeys)).data!.partnerKeys;
    expect(listed).toMatchObject({ id: partnerKey.id, requestsToday: 3, requestsLast7Days: 3 });
    expect(listed.lastUsedAt).toBe(api.now.toISOString());
  });

  it('keeps only a hash of the secret: in the table, the audit log and the log lines', async () => {
    const lines: string[] = [];
    const levels = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const;
    const spies = levels.map((level) =>
      vi.spyOn(logger, level).mockImplementation(((...args: unknown[]) => {
        lines.push(JSON.stringify(args, (_k, v: unknown) => (v instanceof Error ? String(v) : v)));
      }) as never),
    );
    try {
      const admin = await delftAdmin();
      const { secret, partnerKey } = await issue(admin, { label: 'Hash' });
      const rotated = await admin.request<Data>(rotateKey, { id: partnerKey.id, hours: 1 });
      const newSecret = rotated.data!.rotatePartnerKey.secret as string;
      await post(api.url, secret, rightCheck, { input: validInDelft });
      await post(api.url, `${secret.slice(0, -1)}x`, rightCheck, { input: validInDelft });

      const stored = await api.em().findOneOrFail(PartnerKey, { id: partnerKey.id });
      const row = JSON.stringify(
        await api
          .em()
          .getConnection()
          .execute('select * from partner_key where id = ?', [partnerKey.id]),
      );
      const secretOf = (key: string) => key.slice(-43);
      expect(stored.secretHash).toBe(hashPartnerKeySecret(secretOf(newSecret)));
      expect(stored.previousSecretHash).toBe(hashPartnerKeySecret(secretOf(secret)));
      const audit = JSON.stringify(
        await api.em().find(AuditEntry, { subjectType: 'partnerKey', subjectId: partnerKey.id }),
      );
      expect(audit).toContain('partnerKey.created');
      expect(audit).toContain('partnerKey.rotated');
      for (const text of [row, audit, ...lines]) {
        for (const key of [secret, newSecret]) expect(text).not.toContain(secretOf(key));
      }
      expect(audit).not.toContain(stored.secretHash);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });

  it('answers a wrong, an unknown and a revoked key alike: UNAUTHENTICATED', async () => {
    const admin = await delftAdmin();
    const { secret, partnerKey } = await issue(admin, { label: 'Revoked' });
    expect(codeOf(await post(api.url, secret, places))).toBeUndefined();
    const unknown = `pk_${'0'.repeat(32)}_${secret.slice(-43)}`;
    const wrong = `${secret.slice(0, -4)}abcd`;
    const revoked = await admin.request<Data>(revokeKey, { id: partnerKey.id });
    expect(revoked.data!.revokePartnerKey.revokedAt).toBe(api.now.toISOString());
    const answers = await Promise.all(
      [unknown, wrong, secret, 'pk_nonsense'].map((key) =>
        post(api.url, key, rightCheck, { input: validInDelft }),
      ),
    );
    for (const answer of answers) {
      expect(answer.data?.rightCheck ?? null).toBeNull();
      expect(answer.errors).toEqual(answers[0]!.errors);
      expect(codeOf(answer)).toBe('UNAUTHENTICATED');
    }
    // Revoked stays revoked: rotation is refused.
    const again = await admin.request<Data>(rotateKey, { id: partnerKey.id, hours: 0 });
    expect(codeOf(again)).toBe('PARTNER_KEY_REVOKED');
  });

  it('forgets a key revoked on another instance as soon as its change is announced', async () => {
    const { secret, partnerKey } = await issue(await delftAdmin(), { label: 'Elsewhere' });
    expect(codeOf(await post(api.url, secret, places))).toBeUndefined();
    // Another instance revokes it: its write, and its announcement on the shared pub/sub.
    await api
      .em()
      .getConnection()
      .execute('update partner_key set revoked_at = created_at where id = ?', [partnerKey.id]);
    // Unannounced, this instance still answers from its cache (so the cache is really there)…
    expect(codeOf(await post(api.url, secret, places))).toBeUndefined();
    api.pubSub.publish(Topic.PartnerKeyEvents, 'all', { keyId: partnerKey.id });
    await new Promise((resolve) => setImmediate(resolve));
    // …and refuses the key from the announcement on.
    expect(codeOf(await post(api.url, secret, places))).toBe('UNAUTHENTICATED');
  });

  it('lets a key call only what its scopes list, in its own town', async () => {
    const admin = await delftAdmin();
    const { secret } = await issue(admin, { label: 'Scopes', scopes: ['rightCheck'] });
    const batch = await post(api.url, secret, rightCheckBatch, {
      input: { items: [validInDelft] },
    });
    expect(codeOf(batch)).toBe('FORBIDDEN');
    expect(codeOf(await post(api.url, secret, '{ adminPermits(search: "") { totalCount } }'))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(await post(api.url, secret, listKeys))).toBe('FORBIDDEN');
    // Oudstad's zone from a Delft key: refused, never answered "not valid".
    const foreign = await post(api.url, secret, rightCheck, {
      input: permitInOudstad,
    });
    expect(codeOf(foreign)).toBe('ENFORCEMENT_TOWN_NOT_ASSIGNED');

    const { secret: batchKey } = await issue(admin, { label: 'Batch', scopes: ['batchCheck'] });
    const answered = await post(api.url, batchKey, rightCheckBatch, {
      input: {
        items: [validInDelft, permitInOudstad],
      },
    });
    expect(answered.data!.rightCheckBatch.map((item: Data) => item.__typename)).toEqual([
      'RightCheckResult',
      'RightCheckRefused',
    ]);
  });

  it("keeps a town's keys to its own admins", async () => {
    const { partnerKey } = await issue(await delftAdmin(), { label: 'Own town' });
    const oudstad = await loggedIn(api.url, 'beheer@oudstad.demo.parkeer.nl');
    const listed = (await oudstad.request<Data>(listKeys)).data!.partnerKeys as Data[];
    expect(listed.map((key) => key.id)).not.toContain(partnerKey.id);
    expect(codeOf(await oudstad.request(revokeKey, { id: partnerKey.id }))).toBe('NOT_FOUND');
    expect(codeOf(await oudstad.request(rotateKey, { id: partnerKey.id, hours: 1 }))).toBe(
      'NOT_FOUND',
    );
  });

  it('refuses bad input field by field', async () => {
    const admin = await delftAdmin();
    const made = await admin.request(createKey, {
      input: { partnerName: ' ', label: 'x'.repeat(101), scopes: [], requestsPerMinute: 0 },
    });
    expect(codeOf(made)).toBe('SETTINGS_INVALID');
    expect(made.errors![0]!.extensions.problems!.map((p) => [p.path, p.code])).toEqual([
      ['partnerName', 'SETTING_REQUIRED'],
      ['label', 'SETTING_TOO_LONG'],
      ['scopes', 'PARTNER_KEY_SCOPES_INVALID'],
      ['requestsPerMinute', 'SETTING_OUT_OF_RANGE'],
    ]);
    const { partnerKey } = await issue(admin, { label: 'Overlap' });
    const rotated = await admin.request(rotateKey, { id: partnerKey.id, hours: 169 });
    expect(rotated.errors![0]!.extensions.problems!.map((p) => p.path)).toEqual(['overlapHours']);
  });

  it('rotates with an overlap: the old secret works until it ends, then is refused', async () => {
    const admin = await delftAdmin();
    const { secret: old, partnerKey } = await issue(admin, { label: 'Rotation' });
    const rotated = (await admin.request<Data>(rotateKey, { id: partnerKey.id, hours: 2 })).data!
      .rotatePartnerKey;
    const start = api.now;
    expect(rotated.partnerKey.previousSecretExpiresAt).toBe(
      new Date(start.getTime() + 2 * 3600_000).toISOString(),
    );
    try {
      for (const key of [old, rotated.secret]) {
        expect(codeOf(await post(api.url, key, places))).toBeUndefined();
      }
      api.now = new Date(start.getTime() + 2 * 3600_000 - 1000);
      expect(codeOf(await post(api.url, old, places))).toBeUndefined();
      api.now = new Date(start.getTime() + 2 * 3600_000);
      expect(codeOf(await post(api.url, old, places))).toBe('UNAUTHENTICATED');
      expect(codeOf(await post(api.url, rotated.secret, places))).toBeUndefined();
      // A rotation without overlap ends the current secret at once.
      const next = (await admin.request<Data>(rotateKey, { id: partnerKey.id, hours: 0 })).data!
        .rotatePartnerKey;
      expect(codeOf(await post(api.url, rotated.secret, places))).toBe('UNAUTHENTICATED');
      expect(codeOf(await post(api.url, next.secret, places))).toBeUndefined();
    } finally {
      api.now = start;
    }
  });

  it('counts requests per key and minute: the remaining budget in headers, then 429 with Retry-After', async () => {
    const admin = await delftAdmin();
    const { secret } = await issue(admin, { label: 'Budget', requestsPerMinute: 3 });
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await post(api.url, secret, places));
    expect(answers.map((answer) => answer.headers.get('ratelimit-remaining'))).toEqual([
      '2',
      '1',
      '0',
      '0',
    ]);
    expect(answers[0]!.headers.get('ratelimit-limit')).toBe('3');
    expect(answers[0]!.headers.get('ratelimit-policy')).toMatch(/^"requests";q=3;w=60, "cost";/);
    expect(Number(answers[0]!.headers.get('ratelimit-reset'))).toBeGreaterThan(0);
    expect(answers.slice(0, 3).every((answer) => answer.status === 200)).toBe(true);
    const spent = answers[3]!;
    expect(spent.status).toBe(429);
    expect(codeOf(spent)).toBe('PARTNER_KEY_BUDGET_SPENT');
    const seconds = spent.errors![0]!.extensions as unknown as { retryAfterSeconds: number };
    expect(seconds.retryAfterSeconds).toBeGreaterThan(0);
    expect(spent.headers.get('retry-after')).toBe(String(seconds.retryAfterSeconds));
    expect(spent.errors![0]!.extensions.messages.en).toMatch(/budget/);
    // Another key has a budget of its own.
    const { secret: other } = await issue(admin, { label: 'Budget 2', requestsPerMinute: 3 });
    expect((await post(api.url, other, places)).status).toBe(200);
    // A minute on, the window starts afresh.
    const start = api.now;
    try {
      api.now = new Date(start.getTime() + 61_000);
      const fresh = await post(api.url, secret, places);
      expect(fresh.status).toBe(200);
      expect(fresh.headers.get('ratelimit-remaining')).toBe('2');
    } finally {
      api.now = start;
    }
  });

  it('weighs operations by their cost: a costly one spends the cost budget first', async () => {
    const admin = await delftAdmin();
    // `places` costs 2 + 1.5 * (1 + 2 + 1.5 * 1) = 8.75, taken as 9.
    const { secret } = await issue(admin, { label: 'Cost', costPerMinute: 20 });
    const first = await post(api.url, secret, places);
    expect(first.headers.get('ratelimit')).toBe(
      `"requests";r=${Number(first.headers.get('ratelimit-limit')) - 1};t=60, "cost";r=11;t=60`,
    );
    expect((await post(api.url, secret, places)).headers.get('ratelimit')).toMatch(/"cost";r=2;/);
    const spent = await post(api.url, secret, places);
    expect(spent.status).toBe(429);
    expect(codeOf(spent)).toBe('PARTNER_KEY_BUDGET_SPENT');
  });

  it('spends the same budget over graphql-ws, per operation', async () => {
    const admin = await delftAdmin();
    const { secret } = await issue(admin, { label: 'WebSocket', requestsPerMinute: 2 });
    const ws = wsClient(api.url, { bearer: secret });
    try {
      const results = [];
      for (let i = 0; i < 3; i++) {
        const [result] = await new Stream(ws, places, {}).completed();
        results.push(result!);
      }
      expect(results[0]!.errors).toBeUndefined();
      expect(results[1]!.errors).toBeUndefined();
      const refused = results[2]!.errors![0] as unknown as GraphQLErrorBody & {
        extensions: { retryAfterSeconds: number };
      };
      expect(refused.extensions.code).toBe('PARTNER_KEY_BUDGET_SPENT');
      expect(refused.extensions.retryAfterSeconds).toBeGreaterThan(0);
    } finally {
      await ws.dispose();
    }
  });
});
