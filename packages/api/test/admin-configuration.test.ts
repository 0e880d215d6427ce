import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { LedgerEntry } from '../src/model/ledger-entry.entity.js';
import { Tariff } from '../src/model/tariff.entity.js';
import { useDemoApi } from './demo-api.js';
import type { TestClient } from './graphql-client.js';
import { loggedIn } from './login.js';
import { testDialects } from './test-databases.js';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const minute = 60_000;
const delftAdmin = 'beheer@delft.demo.parkeer.nl';
const oudstadAdmin = 'beheer@oudstad.demo.parkeer.nl';
const zoneFields =
  'id code name regime { weekly { weekday from to } exceptions { date label windows { from to } } }';
const zones = `{ adminZones { ${zoneFields} } }`;
const setRegime = `mutation ($id: ID!, $regime: ZoneRegimeInput!) { setZoneRegime(id: $id, regime: $regime) { ${zoneFields} } }`;
const products = `{ adminProductTypes { id code balanceUnit nameNl nameEn delegationAllowed permitCount
  sessionPolicy { maxDurationMinutes defaultEnd latestEnd maxConcurrentSessions insufficientBalance invalidWeekdays pastStartToleranceMinutes }
  topUpPolicy } }`;
const updateProduct = `mutation ($id: ID!, $input: ProductSettingsInput!) { updateProductSettings(id: $id, input: $input) { id sessionPolicy { maxDurationMinutes defaultEnd } topUpPolicy } }`;
const tariffs =
  'query ($id: ID!) { adminTariffs(productTypeId: $id) { id zoneCode validFrom validUntil centsPerHour } }';
const schedule =
  'mutation ($input: TariffChangeInput!) { scheduleTariff(input: $input) { id validFrom validUntil centsPerHour } }';
const cancel =
  'mutation ($id: ID!) { cancelTariff(id: $id) { zoneCode validFrom validUntil centsPerHour } }';
const quote = `query ($input: SessionRequestInput!) { quoteSession(input: $input) {
  __typename ... on SessionQuote { paidMinutes cost } } }`;
const audit = `query ($filter: AuditLogFilter) { auditLog(filter: $filter) { totalCount
  edges { node { actor action subjectType subjectId subjectLabel before after } } } }`;

const codeOf = (result: { errors?: readonly { extensions?: Record<string, unknown> }[] }) =>
  result.errors?.[0]?.extensions?.code;
const problemsOf = (result: { errors?: readonly { extensions?: Record<string, unknown> }[] }) =>
  (result.errors?.[0]?.extensions?.problems as { code: string; path: string }[] | undefined)?.map(
    (problem) => `${problem.code} ${problem.path}`,
  );
const settingsInput = (product: Data, changes: Data = {}) => ({
  nameNl: product.nameNl,
  nameEn: product.nameEn,
  delegationAllowed: product.delegationAllowed,
  sessionPolicy: product.sessionPolicy,
  topUpPolicy: product.topUpPolicy,
  ...changes,
});

const dialects = await testDialects();

describe.each(dialects)('configuring a town in the back office, on %s', (dialect) => {
  const api = useDemoApi(dialect);
  const as = (email: string) => loggedIn(api.url, email);
  const zoneB = async (admin: TestClient) =>
    ((await admin.request<Data>(zones)).data!.adminZones as Data[]).find((z) => z.code === 'B')!;
  const visitorProduct = async (admin: TestClient) =>
    ((await admin.request<Data>(products)).data!.adminProductTypes as Data[]).find(
      (p) => p.code === 'visitor-permit',
    )!;

  it('lists, creates and renames zones of the own town only, each change in the audit log', async () => {
    const delft = await as(delftAdmin);
    const oudstad = await as(oudstadAdmin);
    const delftZones = (await delft.request<Data>(zones)).data!.adminZones as Data[];
    const oudstadZones = (await oudstad.request<Data>(zones)).data!.adminZones as Data[];
    expect(delftZones.map((z) => z.code)).toContain('B');
    expect(oudstadZones.map((z) => z.id)).not.toEqual(expect.arrayContaining([delftZones[0]!.id]));

    const created = await delft.request<Data>(
      'mutation ($input: ZoneInput!) { createZone(input: $input) { id code name regime { weekly { weekday } } } }',
      { input: { code: 'N1', name: 'Nieuwbouw' } },
    );
    expect(created.data!.createZone).toMatchObject({ code: 'N1', regime: { weekly: [] } });
    const again = await delft.request(
      'mutation { createZone(input: { code: "N1", name: "x" }) { id } }',
    );
    expect(codeOf(again)).toBe('ZONE_CODE_TAKEN');
    const invalid = await delft.request(
      'mutation { createZone(input: { code: "", name: " " }) { id } }',
    );
    expect(codeOf(invalid)).toBe('SETTINGS_INVALID');
    expect(problemsOf(invalid)).toEqual(['SETTING_REQUIRED code', 'SETTING_REQUIRED name']);

    const id = created.data!.createZone.id as string;
    const rename = `mutation ($id: ID!) { updateZone(id: $id, input: { code: "N2", name: "Nieuwbouw-Noord" }) { code name } }`;
    expect(codeOf(await oudstad.request(rename, { id }))).toBe('NOT_FOUND');
    api.now = new Date(api.now.getTime() + minute);
    expect((await delft.request<Data>(rename, { id })).data!.updateZone).toEqual({
      code: 'N2',
      name: 'Nieuwbouw-Noord',
    });
    const log = (await delft.request<Data>(audit, { filter: { subjectId: id } })).data!.auditLog;
    expect(log.edges.map((e: Data) => e.node.action)).toEqual(['zone.update', 'zone.create']);
    expect(log.edges[0].node).toMatchObject({
      actor: delftAdmin,
      before: { code: 'N1', name: 'Nieuwbouw' },
      after: { code: 'N2', name: 'Nieuwbouw-Noord' },
    });
    // Oudstad's admin sees none of it.
    const theirs = (await oudstad.request<Data>(audit, { filter: { subjectId: id } })).data!;
    expect(theirs.auditLog.totalCount).toBe(0);
  });

  it('renames a zone: the right-check finds its sessions under the new code at once', async () => {
    const delft = await as(delftAdmin);
    const officer = await as('handhaving@demo.parkeer.nl');
    const bram = await as('bram@demo.parkeer.nl');
    await bram.request(
      `mutation ($input: StartSessionInput!) { startSession(input: $input) { __typename } }`,
      {
        input: {
          productId: await api.permitOf('bram@demo.parkeer.nl'),
          plate: 'RC-404-Z',
          end: new Date(api.now.getTime() + 60 * minute).toISOString(),
          idempotencyKey: randomUUID(),
        },
      },
    );
    const rightIn = async (zone: string) => {
      const result = await officer.request<Data>(
        'query ($input: RightCheckInput!) { rightCheck(input: $input) { valid } }',
        { input: { plate: 'RC-404-Z', zone, municipality: 'delft' } },
      );
      return result.data?.rightCheck.valid ?? codeOf(result);
    };
    expect(await rightIn('C')).toBe(true);
    const zoneC = ((await delft.request<Data>(zones)).data!.adminZones as Data[]).find(
      (z) => z.code === 'C',
    )!;
    const rename = `mutation ($id: ID!, $input: ZoneInput!) { updateZone(id: $id, input: $input) { code } }`;
    await delft.request(rename, { id: zoneC.id, input: { code: 'C2', name: zoneC.name } });
    expect(await rightIn('C2')).toBe(true);
    expect(await rightIn('C')).toBe('NOT_FOUND');
    // Price lines name zones by code: they follow the rename.
    const prices = ((await delft.request<Data>(products)).data!.adminProductTypes as Data[]).find(
      (p) => p.code === 'visitor-permit',
    )!.topUpPolicy.pricing.prices as Data[];
    expect(prices.some((line) => line.zones.includes('C2'))).toBe(true);
    expect(prices.some((line) => line.zones.includes('C'))).toBe(false);
    await delft.request(rename, { id: zoneC.id, input: { code: 'C', name: zoneC.name } });
    expect(await rightIn('C')).toBe(true);
  });

  it('refuses paid hours that make no sense, naming every problem and saving nothing', async () => {
    const delft = await as(delftAdmin);
    const zone = await zoneB(delft);
    const result = await delft.request(setRegime, {
      id: zone.id,
      regime: {
        weekly: [
          { weekday: 1, from: 600, to: 540 },
          { weekday: 8, from: 540, to: 600 },
        ],
        exceptions: [{ date: '2026-02-30', windows: [] }],
      },
    });
    expect(codeOf(result)).toBe('SETTINGS_INVALID');
    expect(problemsOf(result)).toEqual([
      'REGIME_INVALID_WEEKDAY regime.weekly[1]',
      'REGIME_WINDOW_ENDS_BEFORE_START regime.weekly[0]',
      'REGIME_INVALID_DATE regime.exceptions[0]',
    ]);
    expect((await zoneB(delft)).regime).toEqual(zone.regime);
    // Problems name the exception where it was entered, though exceptions are stored by date.
    const outOfOrder = await delft.request<Data>(setRegime, {
      id: zone.id,
      regime: {
        weekly: zone.regime.weekly,
        exceptions: [
          { date: '2026-12-31', windows: [] },
          { date: '2026-12-25', windows: [{ from: 600, to: 500 }] },
        ],
      },
    });
    expect(problemsOf(outOfOrder)).toEqual([
      'REGIME_WINDOW_ENDS_BEFORE_START regime.exceptions[1].windows[0]',
    ]);
  });

  it('keeps parking on while sessions are open, and prices a new zone from today', async () => {
    const delft = await as(delftAdmin);
    const bram = await as('bram@demo.parkeer.nl');
    await bram.request(
      `mutation ($input: StartSessionInput!) { startSession(input: $input) { __typename } }`,
      {
        input: {
          productId: await api.permitOf('bram@demo.parkeer.nl'),
          plate: 'OP-101-N',
          end: new Date(api.now.getTime() + 60 * minute).toISOString(),
          idempotencyKey: randomUUID(),
        },
      },
    );
    const product = await visitorProduct(delft);
    const off = await delft.request(updateProduct, {
      id: product.id,
      input: settingsInput(product, { sessionPolicy: null }),
    });
    expect(problemsOf(off)).toEqual(['SETTING_SESSIONS_STILL_OPEN sessionPolicy']);

    // Oudstad's new zone: no permit until it has a price, and its first price may start today.
    const oudstad = await as(oudstadAdmin);
    const zone = (
      await oudstad.request<Data>(
        'mutation { createZone(input: { code: "N", name: "Noord" }) { id } }',
      )
    ).data!.createZone;
    const issue = `mutation ($input: IssuePermitInput!) { issuePermit(input: $input) { productCode } }`;
    const input = {
      productType: 'visitor-permit',
      zone: 'N',
      addressKey: 'oudstad-noord-1',
      addressLabel: 'Noordweg 1, Oudstad',
      holderType: 'resident',
      validFrom: '2026-11-23T00:00:00.000Z',
      email: 'noord@example.nl',
    };
    expect(problemsOf(await oudstad.request(issue, { input }))).toEqual([
      'PERMIT_ZONE_WITHOUT_TARIFF zone',
    ]);
    const oudstadProduct = await visitorProduct(oudstad);
    const first = await oudstad.request<Data>(schedule, {
      input: {
        productTypeId: oudstadProduct.id,
        zoneId: zone.id,
        validFrom: '2026-11-23',
        centsPerHour: 150,
      },
    });
    expect(first.errors).toBeUndefined();
    expect((await oudstad.request<Data>(issue, { input })).errors).toBeUndefined();
  });

  it("changes Sunday's paid hours: a quote follows, a settled session keeps its charge (docs/rules.md §3)", async () => {
    const delft = await as(delftAdmin);
    const anna = await as('anna@demo.parkeer.nl');
    const productId = await api.permitOf('anna@demo.parkeer.nl');
    // A session today, settled before the change.
    const started = await anna.request<Data>(
      `mutation ($input: StartSessionInput!) { startSession(input: $input) { __typename ... on SessionAccepted { session { id } } } }`,
      {
        input: {
          productId,
          plate: 'AB-123-C',
          end: new Date(api.now.getTime() + 60 * minute).toISOString(),
          idempotencyKey: randomUUID(),
        },
      },
    );
    const sessionId = started.data!.startSession.session.id as string;
    const startedAt = api.now;
    api.now = new Date(startedAt.getTime() + 30 * minute);
    await anna.request('mutation ($id: ID!) { stopSession(sessionId: $id) { id } }', {
      id: sessionId,
    });
    const ledgerOf = async () =>
      (
        await api.em().find(LedgerEntry, { session: sessionId }, { orderBy: { createdAt: 'asc' } })
      ).map((row) => [row.kind, row.amount]);
    const settled = await ledgerOf();
    expect(settled.reduce((sum, [, amount]) => sum + (amount as number), 0)).toBe(-30);

    // Sunday 29 November, 13:00–15:00 local: paid 12:00–17:00 in zone B.
    const sunday = {
      productId,
      plate: 'AB-123-C',
      start: '2026-11-29T12:00:00Z',
      end: '2026-11-29T14:00:00Z',
    };
    const before = (await anna.request<Data>(quote, { input: sunday })).data!.quoteSession;
    expect(before).toMatchObject({ __typename: 'SessionQuote', paidMinutes: 120 });

    const zone = await zoneB(delft);
    const weekly = (zone.regime.weekly as Data[])
      .filter((w) => w.weekday !== 7 && w.weekday !== 1)
      .concat([{ weekday: 7, from: 12 * 60, to: 14 * 60 }]);
    const changed = await delft.request<Data>(setRegime, {
      id: zone.id,
      regime: { weekly, exceptions: zone.regime.exceptions },
    });
    expect(changed.errors).toBeUndefined();
    const after = (await anna.request<Data>(quote, { input: sunday })).data!.quoteSession;
    expect(after).toMatchObject({ paidMinutes: 60, cost: 60 });
    // Monday is free now, but the session of this morning keeps what it was settled with.
    expect(await ledgerOf()).toEqual(settled);
    expect(await api.ledgerSum(productId)).toBe(await api.balanceOf(productId));
    const [entry] = (
      await delft.request<Data>(audit, { filter: { action: 'zone.regime', subjectId: zone.id } })
    ).data!.auditLog.edges;
    expect(entry.node.before.weekly).toContainEqual({ weekday: 7, from: 720, to: 1020 });
    expect(entry.node.after.weekly).toContainEqual({ weekday: 7, from: 720, to: 840 });
  });

  it("validates a product's settings all at once and keeps prices already in effect (docs/rules.md §4)", async () => {
    const delft = await as(delftAdmin);
    const product = await visitorProduct(delft);
    expect(product).toMatchObject({ balanceUnit: 'minutes' });
    expect(product.permitCount).toBeGreaterThan(0);
    const policy = product.topUpPolicy;
    const wrong = await delft.request(updateProduct, {
      id: product.id,
      input: settingsInput(product, {
        sessionPolicy: {
          ...product.sessionPolicy,
          defaultEnd: 'maxDuration',
          maxDurationMinutes: null,
        },
        topUpPolicy: {
          ...policy,
          cap: { ...policy.cap, limit: policy.amounts.blockSize - 1 },
          pricing: {
            ...policy.pricing,
            prices: [
              { ...policy.pricing.prices[0], priceCents: 1 },
              ...policy.pricing.prices.slice(1),
            ],
          },
        },
      }),
    });
    expect(codeOf(wrong)).toBe('SETTINGS_INVALID');
    expect(problemsOf(wrong)).toEqual([
      'SETTING_DEFAULT_END_NEEDS_MAX_DURATION sessionPolicy.defaultEnd',
      'SETTING_PAST_PRICE_CHANGED topUpPolicy.pricing.prices[0]',
      'SETTING_PAST_PRICE_CHANGED topUpPolicy.pricing.prices',
      'SETTING_CAP_BELOW_BLOCK topUpPolicy.cap.limit',
    ]);
    expect(await visitorProduct(delft)).toEqual(product);

    // A new price from next year and a three-hour maximum: accepted, and logged.
    const next = { ...policy.pricing.prices[0], validFrom: '2027-01-01', priceCents: 3990 };
    const accepted = await delft.request<Data>(updateProduct, {
      id: product.id,
      input: settingsInput(product, {
        sessionPolicy: { ...product.sessionPolicy, maxDurationMinutes: 180 },
        topUpPolicy: {
          ...policy,
          pricing: { ...policy.pricing, prices: [...policy.pricing.prices, next] },
        },
      }),
    });
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.updateProductSettings.sessionPolicy.maxDurationMinutes).toBe(180);
    const [entry] = (await delft.request<Data>(audit, { filter: { subjectId: product.id } })).data!
      .auditLog.edges;
    expect(entry.node).toMatchObject({
      action: 'productType.settings.set',
      subjectLabel: 'visitor-permit',
    });
    expect(entry.node.before.sessionPolicy.maxDurationMinutes).toBeNull();
    expect(entry.node.after.sessionPolicy.maxDurationMinutes).toBe(180);

    // Another town's admin neither sees nor changes it.
    const oudstad = await as(oudstadAdmin);
    const theirs = await oudstad.request(updateProduct, {
      id: product.id,
      input: settingsInput(product),
    });
    expect(codeOf(theirs)).toBe('NOT_FOUND');
    expect(codeOf(await oudstad.request(tariffs, { id: product.id }))).toBe('NOT_FOUND');
  });

  it('changes a tariff from a future date: the past keeps its price, overlaps are refused', async () => {
    const oudstad = await as(oudstadAdmin);
    const product = await visitorProduct(oudstad);
    const [current] = (await oudstad.request<Data>(tariffs, { id: product.id })).data!.adminTariffs;
    expect(current).toMatchObject({ validUntil: null, centsPerHour: 210 });
    const zoneId = (
      await api.em().findOneOrFail(Tariff, { id: current.id }, { populate: ['zone'] })
    ).zone.id;
    // Each change a minute after the one before, so the audit log has one order.
    const change = (validFrom: string, centsPerHour = 250) => {
      api.now = new Date(api.now.getTime() + minute);
      return oudstad.request<Data>(schedule, {
        input: { productTypeId: product.id, zoneId, validFrom, centsPerHour },
      });
    };

    const today = await change('2026-11-23');
    expect(codeOf(today)).toBe('TARIFF_DATE_NOT_IN_FUTURE');
    expect(today.errors![0]!.extensions!.params).toEqual({ tomorrow: '2026-11-24' });
    expect((await change('2026-12-01')).errors).toBeUndefined();
    expect((await change('2027-01-01', 300)).errors).toBeUndefined();
    const periods = (
      (await oudstad.request<Data>(tariffs, { id: product.id })).data!.adminTariffs as Data[]
    ).filter((p) => p.zoneCode === current.zoneCode);
    expect(periods.map((p: Data) => [p.validFrom, p.validUntil, p.centsPerHour])).toEqual([
      [current.validFrom, '2026-12-01', 210],
      ['2026-12-01', '2027-01-01', 250],
      ['2027-01-01', null, 300],
    ]);

    // The carla's quote on a December day follows; today's stays.
    const carla = await as('carla@demo.parkeer.nl');
    const productId = await api.permitOf('carla@demo.parkeer.nl');
    const quoteOn = async (start: string) =>
      (
        await carla.request<Data>(quote, {
          input: {
            productId,
            plate: '1-ABC-23',
            start,
            end: new Date(Date.parse(start) + 60 * minute).toISOString(),
          },
        })
      ).data!.quoteSession;
    expect(await quoteOn('2026-12-07T10:00:00Z')).toMatchObject({ paidMinutes: 60, cost: 250 });
    expect(await quoteOn(new Date(api.now.getTime() + minute).toISOString())).toMatchObject({
      cost: 210,
    });

    // Whatever writes a tariff, the database refuses two periods sharing a day.
    const overlapping = api
      .em()
      .getConnection()
      .execute(
        'insert into tariff (id, product_type_id, zone_id, valid_from, valid_until, cents_per_hour) values (?, ?, ?, ?, ?, ?)',
        [randomUUID(), product.id, zoneId, '2026-12-15', '2026-12-20', 999],
      );
    await expect(overlapping).rejects.toThrow(/tariff_periods_do_not_overlap/);
    // Touching periods are fine: a period ends where the next starts.
    const touching = api
      .em()
      .getConnection()
      .execute('update tariff set valid_until = ? where product_type_id = ? and valid_from = ?', [
        '2027-01-02',
        product.id,
        '2026-12-01',
      ]);
    await expect(touching).rejects.toThrow(/tariff_periods_do_not_overlap/);

    // Withdrawing December's change lets November's price run on to the new year.
    const december = periods[1]!.id;
    api.now = new Date(api.now.getTime() + minute);
    const left = (
      (await oudstad.request<Data>(cancel, { id: december })).data!.cancelTariff as Data[]
    ).filter((p) => p.zoneCode === current.zoneCode);
    expect(left.map((p: Data) => [p.validFrom, p.validUntil])).toEqual([
      [current.validFrom, '2027-01-01'],
      ['2027-01-01', null],
    ]);
    expect(codeOf(await oudstad.request(cancel, { id: current.id }))).toBe(
      'TARIFF_DATE_NOT_IN_FUTURE',
    );
    const actions = (
      await oudstad.request<Data>(audit, { filter: { action: 'tariff.' } })
    ).data!.auditLog.edges.map((e: Data) => e.node.action);
    // Newest first; the new zone's first price (an earlier test) comes after these.
    expect(actions.slice(0, 3)).toEqual(['tariff.cancel', 'tariff.schedule', 'tariff.schedule']);

    // A time balance has no hourly tariff.
    const delft = await as(delftAdmin);
    const delftProduct = await visitorProduct(delft);
    const delftZone = await zoneB(delft);
    const timeBalance = await delft.request(schedule, {
      input: {
        productTypeId: delftProduct.id,
        zoneId: delftZone.id,
        validFrom: '2027-01-01',
        centsPerHour: 100,
      },
    });
    expect(codeOf(timeBalance)).toBe('TARIFF_NOT_FOR_TIME_BALANCE');
  });

  it('keeps retention (docs/rules.md §8) and towns in the right hands', async () => {
    const delft = await as(delftAdmin);
    const retention =
      'mutation ($input: RetentionInput!) { setRetention(input: $input) { code retention { kind amount } } }';
    expect(
      (await delft.request<Data>(retention, { input: { kind: 'hoursAfterEnd', amount: 24 } })).data!
        .setRetention,
    ).toEqual({ code: 'delft', retention: { kind: 'hoursAfterEnd', amount: 24 } });
    const tooLong = await delft.request(retention, {
      input: { kind: 'weeksAfterEnd', amount: 500 },
    });
    expect(problemsOf(tooLong)).toEqual(['SETTING_INVALID_CHOICE retention.amount']);

    const platform = await as('platform@demo.parkeer.nl');
    const create =
      'mutation ($input: MunicipalityInput!) { createMunicipality(input: $input) { code name timeZone retention { kind amount } } }';
    const input = {
      code: 'leiden',
      name: 'Leiden',
      retention: { kind: 'weeksAfterEnd', amount: 13 },
    };
    expect((await platform.request<Data>(create, { input })).data!.createMunicipality).toEqual({
      code: 'leiden',
      name: 'Leiden',
      timeZone: 'Europe/Amsterdam',
      retention: { kind: 'weeksAfterEnd', amount: 13 },
    });
    expect(codeOf(await platform.request(create, { input }))).toBe('MUNICIPALITY_CODE_TAKEN');
    const names = (await platform.request<Data>('{ municipalities { code } }')).data!
      .municipalities;
    expect(names.map((m: Data) => m.code).sort()).toEqual(['delft', 'leiden', 'oudstad']);
    // A town's admin cannot make towns; the platform admin cannot run one.
    expect(codeOf(await delft.request(create, { input: { ...input, code: 'gouda' } }))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(await platform.request(zones))).toBe('FORBIDDEN');
  });
});
