import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../src/seed/demo-seed.js';
import { useDemoApi } from './demo-api.js';
import { testDialects } from './test-databases.js';

/*
 * Issue 13: whatever a caller sends to the public operations, the answer is a typed refusal or
 * a result, never INTERNAL_ERROR or a 5xx, and a refused call leaves every balance as it was.
 * Each field has plausible values (so calls get deep enough to be accepted, and balances move)
 * and wild ones: text (unicode, lone surrogates, control characters, huge, empty), ids (uuid,
 * upper-case, junk), dates (far past and future, out of range, malformed) and integers (huge,
 * negative, beyond 32 bits). Most calls make one field wild among plausible ones, so the wild
 * value reaches the code behind the checks of the others. fast-check prints the seed and the
 * smallest failing call.
 */

const dialects = await testDialects();
/** Calls per dialect: every operation many times over, within half a minute or so. */
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

/** The values a field takes: ones that pass its checks, and ones that should not. */
interface Field {
  readonly plausible: fc.Arbitrary<unknown>;
  readonly wild: fc.Arbitrary<unknown>;
}

const field = (plausible: fc.Arbitrary<unknown>, wild: fc.Arbitrary<unknown>): Field => ({
  plausible,
  wild,
});

/**
 * An input object: all fields plausible, exactly one wild (most often), or each either way.
 * Nested inputs are fields too (`input`).
 */
function inputOf(fields: Record<string, Field>): Field {
  const names = Object.keys(fields);
  const record = (pick: (name: string, f: Field) => fc.Arbitrary<unknown>) =>
    fc.record(Object.fromEntries(names.map((name) => [name, pick(name, fields[name]!)])));
  const plausible = record((_, f) => f.plausible);
  const oneWild = fc.oneof(
    ...names.map((wildName) => record((name, f) => (name === wildName ? f.wild : f.plausible))),
  );
  const mixed = record((_, f) => fc.oneof(f.plausible, f.wild));
  return field(
    plausible,
    fc.oneof({ weight: 3, arbitrary: oneWild }, { weight: 1, arbitrary: mixed }),
  );
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
    const connection = api.em().getConnection();
    const rows: { id: string; balance: number }[] = await connection.execute(
      'select id, balance from permit order by id',
    );
    const [{ n }] = (await connection.execute('select count(*) as n from ledger_entry')) as [
      { n: number | string },
    ];
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
    const wildText = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.string({ unit: 'grapheme', maxLength: 30 }),
      lone,
      fc.constantFrom('', ' ', '\u0000', 'a\u001Fb', "'; drop table permit; --", '%_', 'ß'),
      fc.integer({ min: 1_000, max: 60_000 }).map((n) => 'é'.repeat(n)),
    );
    const text = (...plausible: string[]) => field(fc.constantFrom(...plausible), wildText);
    const uuid = fc.uuid();
    const id = (known: string) =>
      field(
        fc.constant(known),
        fc.oneof(
          fc.constant(known.toUpperCase()),
          fc.constant(carlaPermit),
          uuid,
          uuid.map((value) => value.toUpperCase()),
          wildText,
        ),
      );
    const minute = 60_000;
    const soon = fc
      .integer({ min: -12 * 60, max: 24 * 60 })
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
      wildText,
    );
    const date = field(soon, wildDate);
    const optionalDate = field(fc.constant(null), fc.oneof(soon, wildDate));
    const localDate = field(
      soon.map((at) => at.slice(0, 10)),
      fc.oneof(
        wildDate.map((at) => (typeof at === 'string' ? at.slice(0, 10) : at)),
        fc.constantFrom('10000-01-01', '0000-01-01', '2026-02-30'),
      ),
    );
    const int = field(
      fc.integer({ min: 1, max: 600 }),
      fc.oneof(
        fc.integer(),
        fc.constantFrom(0, -1, 2_147_483_647, -2_147_483_648, 2 ** 31, 1e20, 1.5),
      ),
    );
    const key = field(uuid, wildText);
    const email = field(
      fc.oneof(fc.emailAddress(), fc.constantFrom('anna@demo.parkeer.nl', ' Nieuw@Example.nl ')),
      wildText,
    );
    const plate = text('GB-124-K', 'gb124k', 'XX-999-X', '1-ABC-23', 'AB-12-CD');
    const country = field(
      fc.constantFrom(null, 'NL'),
      fc.oneof(fc.constantFrom('DE', 'XX'), wildText),
    );
    const permitId = id(annaPermit);
    const sessionId = id(annaSession);
    const nullable = (f: Field) => field(fc.constant(null), fc.oneof(f.plausible, f.wild));

    const call = (
      name: string,
      as: Call['as'],
      query: string,
      variables: Record<string, Field>,
    ): fc.Arbitrary<Call> => {
      const { plausible, wild } = inputOf(variables);
      return fc
        .oneof({ weight: 1, arbitrary: plausible }, { weight: 4, arbitrary: wild })
        .map((values) => ({ name, as, query, variables: values as Record<string, unknown> }));
    };
    const session = `{ __typename ... on SessionRefused { reason } }`;
    const operations = [
      call(
        'startSession',
        'anna',
        `mutation ($input: StartSessionInput!) { startSession(input: $input) ${session} }`,
        {
          input: inputOf({
            productId: permitId,
            plate,
            country,
            start: optionalDate,
            end: optionalDate,
            idempotencyKey: key,
          }),
        },
      ),
      call(
        'quoteSession',
        'anna',
        `query ($input: SessionRequestInput!) { quoteSession(input: $input) { __typename } }`,
        {
          input: inputOf({
            productId: permitId,
            plate,
            country,
            start: optionalDate,
            end: optionalDate,
          }),
        },
      ),
      call(
        'changeSessionEnd',
        'anna',
        `mutation ($input: ChangeSessionEndInput!) { changeSessionEnd(input: $input) ${session} }`,
        { input: inputOf({ sessionId, end: date, idempotencyKey: key }) },
      ),
      call('stopSession', 'anna', `mutation ($id: ID!) { stopSession(sessionId: $id) { id } }`, {
        id: sessionId,
      }),
      call(
        'addFavorite',
        'anna',
        `mutation ($input: AddFavoriteInput!) { addFavorite(input: $input) { id } }`,
        { input: inputOf({ permitId, plate, country, name: text('Oma', 'Buurvrouw') }) },
      ),
      call(
        'topUpOffers',
        'anna',
        `query ($p: ID!) { topUpOffers(permitId: $p) {
          offers { amount totalCents } cap { limit used remaining periodStart nextPeriodStart } } }`,
        { p: permitId },
      ),
      call(
        'startTopUp',
        'anna',
        `mutation ($input: StartTopUpInput!) { startTopUp(input: $input) { paymentId } }`,
        { input: inputOf({ permitId, amount: int, idempotencyKey: key }) },
      ),
      call(
        'inviteDelegation',
        'anna',
        `mutation ($input: InviteDelegationInput!) { inviteDelegation(input: $input) { id } }`,
        { input: inputOf({ productId: permitId, email, amount: int, idempotencyKey: key }) },
      ),
      call(
        'addProductByCode',
        'anna',
        `mutation ($input: AddProductByCodeInput!) { addProductByCode(input: $input) { id } }`,
        {
          input: inputOf({
            productCode: text(...api.letters.map((letter) => letter.productCode)),
            pin: text(...api.letters.map((letter) => letter.pin)),
          }),
        },
      ),
      call(
        'updateSettings',
        'anna',
        `mutation ($input: UpdateSettingsInput!) { updateSettings(input: $input) { email } }`,
        { input: inputOf({ startPermitId: nullable(permitId) }) },
      ),
      call(
        'sessionHistory',
        'anna',
        `query ($p: ID!, $f: Int!, $a: String) { sessionHistory(permitId: $p, first: $f, after: $a) { totalCount } }`,
        { p: permitId, f: int, a: field(fc.constant(null), wildText) },
      ),
      call(
        'rightCheck',
        'officer',
        `query ($input: RightCheckInput!) { rightCheck(input: $input) { valid } }`,
        {
          input: inputOf({
            plate,
            zone: text('B', 'C', 'centrum'),
            municipality: text('delft', 'oudstad'),
            at: optionalDate,
            country,
          }),
        },
      ),
      call(
        'issuePermit',
        'admin',
        `mutation ($input: IssuePermitInput!) { issuePermit(input: $input) {
          productCode permit { id status balance addressKey validFrom validUntil } } }`,
        {
          input: inputOf({
            productType: text('visitor-permit'),
            zone: text('B', 'D'),
            addressKey: field(
              uuid.map((value) => `fuzz-${value}`),
              wildText,
            ),
            addressLabel: text('Markt 7, Delft'),
            holderType: field(fc.constantFrom('resident', 'business'), wildText),
            validFrom: date,
            validUntil: optionalDate,
            email,
          }),
        },
      ),
      call(
        'grantCareHours',
        'admin',
        `mutation ($input: GrantCareHoursInput!) { grantCareHours(input: $input) { balanceAfter } }`,
        {
          input: inputOf({
            permitId,
            minutes: int,
            carerStatement: text('Mantelzorg voor moeder'),
            idempotencyKey: key,
          }),
        },
      ),
      call(
        'recordFineWaiverRequest',
        'admin',
        `mutation ($input: RecordFineWaiverInput!) { recordFineWaiverRequest(input: $input) { id } }`,
        {
          input: inputOf({
            permitId,
            fineReference: field(
              uuid.map((value) => value.slice(0, 8)),
              wildText,
            ),
            fineDate: localDate,
            requestedAt: optionalDate,
          }),
        },
      ),
      call(
        'auditLog',
        'admin',
        `query ($f: AuditLogFilter, $n: Int!) { auditLog(filter: $f, first: $n) { totalCount } }`,
        {
          f: inputOf({
            subjectId: nullable(permitId),
            actor: nullable(text('beheer')),
            action: nullable(text('permit.')),
            from: optionalDate,
          }),
          n: int,
        },
      ),
      call(
        'requestPasswordReset',
        'anonymous',
        `mutation ($e: String!) { requestPasswordReset(email: $e) }`,
        { e: email },
      ),
    ];
    // Rarer: each one costs an argon2 hash on purpose.
    const login = call(
      'login',
      'anonymous',
      `mutation ($input: LoginInput!) { login(input: $input) { expiresAt } }`,
      { input: inputOf({ email, password: text(demoPassword, 'fout') }) },
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

    // The run reached every operation, got calls of most accepted (balances did move), and the
    // ledger still explains every balance.
    expect(seen.size).toBe(operations.length + 1);
    expect([...seen.values()].filter((tally) => tally.accepted > 0).length).toBeGreaterThan(10);
    for (const [permitId] of (await balances()).permits) {
      expect(await api.ledgerSum(permitId as string)).toBe(await api.balanceOf(permitId as string));
    }
  }, 180_000);
});
