import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../src/db/seed/demo-seed.js';
import { useDemoApi } from './demo-api.js';
import { testDialects } from './test-databases.js';

/*
 * Issue 13: whatever a caller sends to the public operations, the answer is a typed refusal or
 * a result, never INTERNAL_ERROR or a 5xx, and a refused call leaves every balance as it was.
 * Inputs mix plausible values (so calls get deep enough to be accepted now and then) with
 * arbitrary text (unicode, lone surrogates, control characters, huge, empty), ids (uuid,
 * upper-case, junk), dates (far past and future, out of range, malformed) and integers (huge,
 * negative, beyond 32 bits). fast-check prints the seed and the smallest failing call.
 */

const dialects = await testDialects();
/** Calls per dialect: enough to reach every operation many times, bounded in time. */
const numRuns = 1000;

interface Answer {
  readonly status: number;
  readonly text: string;
  readonly body: {
    data?: Record<string, unknown> | null;
    errors?: { extensions?: { code?: string } }[];
  } | null;
}

interface Call {
  readonly name: string;
  readonly as: 'anna' | 'admin' | 'officer' | 'anonymous';
  readonly query: string;
  readonly variables: Record<string, unknown>;
}

describe.each(dialects)('the public operations under arbitrary input, on %s', (dialect) => {
  const api = useDemoApi(dialect);
  const tokens = new Map<Call['as'], string>();
  let annaPermit: string;
  let carlaPermit: string;
  let annaSession: string;

  const post = async (call: Call): Promise<Answer> => {
    const token = tokens.get(call.as);
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query: call.query, variables: call.variables }),
    });
    const text = await response.text();
    let body: Answer['body'] = null;
    try {
      body = JSON.parse(text) as Answer['body'];
    } catch {
      // Not JSON: reported by the property below.
    }
    return { status: response.status, text, body };
  };

  beforeAll(async () => {
    const accounts = {
      anna: 'anna@demo.parkeer.nl',
      admin: 'beheer@delft.demo.parkeer.nl',
      officer: 'handhaving@demo.parkeer.nl',
    } as const;
    for (const [as, email] of Object.entries(accounts)) {
      const issued = await post({
        name: 'createAccessToken',
        as: 'anonymous',
        query: `mutation ($e: String!, $p: String!) { createAccessToken(email: $e, password: $p) { token } }`,
        variables: { e: email, p: demoPassword },
      });
      const data = issued.body?.data as { createAccessToken: { token: string } };
      tokens.set(as as Call['as'], data.createAccessToken.token);
    }
    annaPermit = await api.permitOf('anna@demo.parkeer.nl');
    carlaPermit = await api.permitOf('carla@demo.parkeer.nl');
    const started = await post({
      name: 'startSession',
      as: 'anna',
      query: `mutation ($input: StartSessionInput!) { startSession(input: $input) { ... on SessionAccepted { session { id } } } }`,
      variables: { input: { productId: annaPermit, plate: 'GB-123-K', idempotencyKey: 'fuzz-1' } },
    });
    annaSession = (started.body?.data as { startSession: { session: { id: string } } }).startSession
      .session.id;
  });

  /** Every permit's balance and the number of ledger rows: what a refused call must not change. */
  const balances = async () => {
    const rows: { id: string; balance: number }[] = await api
      .em()
      .getConnection()
      .execute('select id, balance from permit order by id');
    const [{ n }] = (await api
      .em()
      .getConnection()
      .execute('select count(*) as n from ledger_entry')) as [{ n: number | string }];
    return { permits: rows.map((row) => [row.id, Number(row.balance)]), ledgerRows: Number(n) };
  };

  it('answers every call with a result or a typed refusal, and refusals change no balance', async () => {
    const lone = fc
      .tuple(
        fc.string({ maxLength: 4 }),
        fc.constantFrom('\uD800', '\uDBFF', '\uDC00', '\uDFFF'),
        fc.string({ maxLength: 4 }),
      )
      .map(([before, half, after]) => before + half + after);
    const text = fc.oneof(
      { weight: 3, arbitrary: fc.string() },
      { weight: 2, arbitrary: fc.string({ unit: 'binary' }) },
      { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
      { weight: 1, arbitrary: lone },
      {
        weight: 1,
        arbitrary: fc.constantFrom('', ' ', '\u0000', '\t', "'; drop table permit; --", '%_'),
      },
      { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 60_000 }).map((n) => 'é'.repeat(n)) },
    );
    const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null });
    // Each field is mostly a value that passes, sometimes a wild one: calls get accepted now and
    // then (and change balances), and each wild value meets otherwise valid neighbours.
    const mostly = <T, U>(plausible: fc.Arbitrary<T>, wild: fc.Arbitrary<U>) =>
      fc.oneof({ weight: 4, arbitrary: plausible }, { weight: 1, arbitrary: wild });
    const plate = mostly(
      fc.constantFrom('GB-124-K', 'gb124k', 'XX-999-X', 'B-AB 123', '1-ABC-23', 'AB-12-CD'),
      text,
    );
    const country = mostly(
      fc.constantFrom(null, 'NL'),
      fc.oneof(fc.constantFrom('DE', 'be', 'XX'), text),
    );
    const uuid = fc.uuid();
    const idOf = (...known: string[]) =>
      mostly(
        fc.constantFrom(...known),
        fc.oneof(
          fc.constantFrom(...known).map((id) => id.toUpperCase()),
          fc.constant(carlaPermit),
          uuid,
          uuid.map((id) => id.toUpperCase()),
          text,
        ),
      );
    const permitId = idOf(annaPermit);
    const sessionId = idOf(annaSession);
    const minute = 60_000;
    const soon = fc
      .integer({ min: -3 * 24 * 60, max: 3 * 24 * 60 })
      .map((minutes) => new Date(api.now.getTime() + minutes * minute).toISOString());
    const wildDate = fc.oneof(
      fc
        .date({
          noInvalidDate: true,
          min: new Date('0001-01-01T00:00:00Z'),
          max: new Date('+020000-01-01T00:00:00Z'),
        })
        .map((at) => at.toISOString()),
      fc.constantFrom(
        '10000-01-01T00:00:00Z',
        '1899-12-31T23:59:59Z',
        '1900-01-01T00:00:00Z',
        '9999-12-31T23:59:59.999Z',
        '9999-12-31T22:30:00Z',
        '2026-02-30T10:00:00Z',
        '2026-11-23',
        'now',
      ),
      text,
    );
    const date = mostly(soon, wildDate);
    const localDate = mostly(
      soon.map((at) => at.slice(0, 10)),
      fc.oneof(
        wildDate.map((at) => at.slice(0, 10)),
        fc.constantFrom('10000-01-01', '0000-01-01', '2026-02-30'),
      ),
    );
    const int = mostly(
      fc.integer({ min: 1, max: 600 }),
      fc.oneof(
        fc.integer(),
        fc.constantFrom(0, -1, 2_147_483_647, -2_147_483_648, 2 ** 31, 1e20, 1.5),
      ),
    );
    const key = mostly(fc.uuid(), text);
    const email = mostly(
      fc.oneof(fc.emailAddress(), fc.constantFrom('anna@demo.parkeer.nl', ' Nieuw@Example.nl ')),
      text,
    );
    const name = mostly(fc.string({ minLength: 1, maxLength: 10, unit: 'grapheme-ascii' }), text);

    const call = (
      name: string,
      as: Call['as'],
      query: string,
      variables: fc.Arbitrary<Record<string, unknown>>,
    ): fc.Arbitrary<Call> => variables.map((values) => ({ name, as, query, variables: values }));
    const session = `{ __typename ... on SessionRefused { reason } }`;
    const operations = [
      call(
        'startSession',
        'anna',
        `mutation ($input: StartSessionInput!) { startSession(input: $input) ${session} }`,
        fc.record({
          input: fc.record({
            productId: permitId,
            plate,
            country,
            start: mostly(fc.constant(null), date),
            end: mostly(fc.constant(null), date),
            idempotencyKey: key,
          }),
        }),
      ),
      call(
        'quoteSession',
        'anna',
        `query ($input: SessionRequestInput!) { quoteSession(input: $input) { __typename } }`,
        fc.record({
          input: fc.record({
            productId: permitId,
            plate,
            country,
            start: optional(date),
            end: optional(date),
          }),
        }),
      ),
      call(
        'changeSessionEnd',
        'anna',
        `mutation ($input: ChangeSessionEndInput!) { changeSessionEnd(input: $input) ${session} }`,
        fc.record({ input: fc.record({ sessionId, end: date, idempotencyKey: key }) }),
      ),
      call(
        'stopSession',
        'anna',
        `mutation ($id: ID!) { stopSession(sessionId: $id) { id } }`,
        fc.record({ id: sessionId }),
      ),
      call(
        'addFavorite',
        'anna',
        `mutation ($input: AddFavoriteInput!) { addFavorite(input: $input) { id } }`,
        fc.record({ input: fc.record({ permitId, plate, country, name }) }),
      ),
      call(
        'startTopUp',
        'anna',
        `mutation ($input: StartTopUpInput!) { startTopUp(input: $input) { paymentId } }`,
        fc.record({ input: fc.record({ permitId, amount: int, idempotencyKey: key }) }),
      ),
      call(
        'topUpOffers',
        'anna',
        `query ($p: ID!) { topUpOffers(permitId: $p) {
          offers { amount totalCents } cap { limit used remaining periodStart nextPeriodStart } } }`,
        fc.record({ p: permitId }),
      ),
      call(
        'inviteDelegation',
        'anna',
        `mutation ($input: InviteDelegationInput!) { inviteDelegation(input: $input) { id } }`,
        fc.record({
          input: fc.record({ productId: permitId, email, amount: int, idempotencyKey: key }),
        }),
      ),
      call(
        'addProductByCode',
        'anna',
        `mutation ($input: AddProductByCodeInput!) { addProductByCode(input: $input) { id } }`,
        fc.record({
          input: fc.record({
            productCode: fc.oneof(text, fc.constantFrom(...api.letters.map((l) => l.productCode))),
            pin: fc.oneof(text, fc.constantFrom(...api.letters.map((l) => l.pin))),
          }),
        }),
      ),
      call(
        'updateSettings',
        'anna',
        `mutation ($input: UpdateSettingsInput!) { updateSettings(input: $input) { email } }`,
        fc.record({ input: fc.record({ startPermitId: optional(permitId) }) }),
      ),
      call(
        'sessionHistory',
        'anna',
        `query ($p: ID!, $f: Int!, $a: String) { sessionHistory(permitId: $p, first: $f, after: $a) { totalCount } }`,
        fc.record({
          p: permitId,
          f: mostly(fc.integer({ min: 1, max: 50 }), int),
          a: optional(text),
        }),
      ),
      call(
        'rightCheck',
        'officer',
        `query ($input: RightCheckInput!) { rightCheck(input: $input) { valid } }`,
        fc.record({
          input: fc.record({
            plate,
            zone: mostly(fc.constantFrom('B', 'C', 'centrum'), text),
            municipality: mostly(fc.constantFrom('delft', 'oudstad'), text),
            at: mostly(fc.constant(null), date),
            country,
          }),
        }),
      ),
      call(
        'issuePermit',
        'admin',
        `mutation ($input: IssuePermitInput!) { issuePermit(input: $input) {
          productCode permit { id status balance addressKey validFrom validUntil } } }`,
        fc.record({
          input: fc.record({
            productType: mostly(fc.constant('visitor-permit'), text),
            zone: mostly(fc.constantFrom('B', 'D'), text),
            addressKey: mostly(
              uuid.map((u) => `fuzz-${u}`),
              text,
            ),
            addressLabel: mostly(fc.constant('Markt 7, Delft'), text),
            holderType: fc.constantFrom('resident', 'business'),
            validFrom: date,
            validUntil: optional(date),
            email,
          }),
        }),
      ),
      call(
        'grantCareHours',
        'admin',
        `mutation ($input: GrantCareHoursInput!) { grantCareHours(input: $input) { balanceAfter } }`,
        fc.record({
          input: fc.record({
            permitId,
            minutes: int,
            carerStatement: mostly(fc.constant('Mantelzorg voor moeder'), text),
            idempotencyKey: key,
          }),
        }),
      ),
      call(
        'recordFineWaiverRequest',
        'admin',
        `mutation ($input: RecordFineWaiverInput!) { recordFineWaiverRequest(input: $input) { id } }`,
        fc.record({
          input: fc.record({
            permitId,
            fineReference: mostly(
              uuid.map((u) => u.slice(0, 8)),
              text,
            ),
            fineDate: localDate,
            requestedAt: optional(date),
          }),
        }),
      ),
      call(
        'auditLog',
        'admin',
        `query ($f: AuditLogFilter, $n: Int!) { auditLog(filter: $f, first: $n) { totalCount } }`,
        fc.record({
          f: fc.record({
            subjectId: optional(permitId),
            actor: optional(text),
            from: optional(date),
          }),
          n: int,
        }),
      ),
      call(
        'requestPasswordReset',
        'anonymous',
        `mutation ($e: String!) { requestPasswordReset(email: $e) }`,
        fc.record({ e: email }),
      ),
    ];
    // Rarer: each one costs an argon2 hash on purpose.
    const login = call(
      'login',
      'anonymous',
      `mutation ($input: LoginInput!) { login(input: $input) { expiresAt } }`,
      fc.record({ input: fc.record({ email, password: text }) }),
    );
    const calls = fc.oneof(...operations.map((arbitrary) => ({ weight: 3, arbitrary })), {
      weight: 1,
      arbitrary: login,
    });

    const seen = new Map<string, { accepted: number; refused: number }>();
    await fc.assert(
      fc.asyncProperty(calls, async (generated) => {
        const before = await balances();
        const answer = await post(generated);
        const what = `${generated.name} ${JSON.stringify(generated.variables).slice(0, 400)}`;
        expect(answer.status, `${what} → ${answer.text.slice(0, 300)}`).toBeLessThan(500);
        expect(answer.body, `${what} → not JSON: ${answer.text.slice(0, 300)}`).not.toBeNull();
        const codes = (answer.body?.errors ?? []).map((error) => error.extensions?.code);
        expect(codes, what).not.toContain('INTERNAL_ERROR');
        expect(
          codes.every((code) => typeof code === 'string'),
          what,
        ).toBe(true);
        const refused =
          codes.length > 0 || JSON.stringify(answer.body?.data).includes('"SessionRefused"');
        const tally = seen.get(generated.name) ?? { accepted: 0, refused: 0 };
        tally[refused ? 'refused' : 'accepted']++;
        seen.set(generated.name, tally);
        if (refused) expect(await balances(), what).toEqual(before);
      }),
      { numRuns },
    );

    // The run reached every operation, got some calls accepted (balances did move), and the
    // ledger still explains every balance.
    expect(seen.size).toBe(operations.length + 1);
    expect([...seen.values()].filter((tally) => tally.accepted > 0).length).toBeGreaterThan(10);
    for (const [permitId] of (await balances()).permits) {
      expect(await api.ledgerSum(permitId as string)).toBe(await api.balanceOf(permitId as string));
    }
  }, 180_000);
});
