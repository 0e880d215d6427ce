import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { permitHolderRegime } from '@parkeer/domain/regime/example-regimes';
import { LedgerEntry, type LedgerKind } from '../src/model/ledger-entry.entity.js';
import { Permit } from '../src/model/permit.entity.js';
import { Zone } from '../src/model/zone.entity.js';
import { useDemoApi } from './demo-api.js';
import type { TestClient } from './graphql-client.js';
import { loggedIn } from './login.js';
import { testDialects } from './test-databases.js';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Failure = {
  extensions: {
    code: string;
    messages: { nl: string; en: string };
    params?: Record<string, string | number>;
    problems?: { code: string; path: string }[];
  };
};

const delftAdmin = 'beheer@delft.demo.parkeer.nl';
const oudstadAdmin = 'beheer@oudstad.demo.parkeer.nl';
const anna = 'anna@demo.parkeer.nl';
const bram = 'bram@demo.parkeer.nl';
const carla = 'carla@demo.parkeer.nl';
const hours = 60;

const grantCare = `mutation ($input: GrantCareHoursInput!) { grantCareHours(input: $input) {
  grant { id permitId minutes carerStatement grantedBy createdAt } balanceAfter remainingMinutes } }`;
const careGrants = `query ($permitId: ID!) { careGrants(permitId: $permitId) {
  id minutes carerStatement grantedBy createdAt } }`;
const recordWaiver = `mutation ($input: RecordFineWaiverInput!) { recordFineWaiverRequest(input: $input) {
  id permitId productCode addressLabel fineReference fineDate status requestedAt recordedBy
  decisionReason decidedBy decidedAt } }`;
const decideWaiver = `mutation ($id: ID!, $approve: Boolean!, $reason: String!) {
  decideFineWaiver(id: $id, approve: $approve, reason: $reason) {
  id status decisionReason decidedBy decidedAt } }`;
const fineWaivers = `query ($status: FineWaiverStatus, $first: Int!, $after: String) {
  fineWaivers(status: $status, first: $first, after: $after) { totalCount
  pageInfo { hasNextPage endCursor }
  edges { node { id productCode addressLabel fineReference fineDate status requestedAt } } } }`;
const compensate = `mutation ($input: CompensateOutageInput!) { compensateOutage(input: $input) {
  minutesCredited compensation { id zoneId zoneCode windowStart windowEnd reason sessionsCredited
  createdBy } } }`;
const compensations = `query ($zoneId: ID) { outageCompensations(zoneId: $zoneId) {
  id zoneCode windowStart windowEnd sessionsCredited } }`;
const auditLog = `query ($filter: AuditLogFilter) { auditLog(filter: $filter, first: 50) {
  totalCount edges { node { action actor subjectType subjectId subjectLabel before after } } } }`;
const startSession = `mutation ($input: StartSessionInput!) { startSession(input: $input) {
  __typename ... on SessionAccepted { session { id reservation } }
  ... on SessionRefused { reason } } }`;
const stopSession = 'mutation ($id: ID!) { stopSession(sessionId: $id) { id charge } }';

const at = (iso: string) => new Date(iso);

const dialects = await testDialects();

describe.each(dialects)('the requests of the back office, on %s', (dialect) => {
  const api = useDemoApi(dialect);
  const logins = new Map<string, Promise<TestClient>>();
  /** One login per account and clock time: logins hash on purpose, which is slow. */
  const as = (email: string) => {
    // A login lapses after a while of inactivity by the API's clock, which the tests move.
    const key = `${email} ${api.now.toISOString()}`;
    if (!logins.has(key)) logins.set(key, loggedIn(api.url, email));
    return logins.get(key)!;
  };
  /** A client of the account that logs in again when the clock moved. */
  const actor = (email: string) => ({
    request: async <T = Record<string, unknown>>(
      query: string,
      variables?: Record<string, unknown>,
    ) => (await as(email)).request<T>(query, variables),
  });
  const failure = (result: { errors?: unknown[] }) => result.errors?.[0] as Failure | undefined;
  const codeOf = (result: { errors?: unknown[] }) => failure(result)?.extensions.code;
  const ledgerOf = (permitId: string, kind: LedgerKind) =>
    api.em().find(LedgerEntry, { permit: permitId, kind }, { orderBy: { createdAt: 'asc' } });
  const expectLedgerMatches = async (permitId: string) =>
    expect(await api.ledgerSum(permitId)).toBe(await api.balanceOf(permitId));
  const audit = async (filter: Record<string, unknown>, email = delftAdmin) => {
    const result = await actor(email).request<Data>(auditLog, { filter });
    expect(result.errors).toBeUndefined();
    return result.data!.auditLog as { totalCount: number; edges: { node: Data }[] };
  };
  const zoneOf = async (email: string) =>
    (
      await api
        .em()
        .findOneOrFail(
          Permit,
          { holder: { email }, productType: { code: 'visitor-permit' } },
          { populate: ['zone'] },
        )
    ).zone;

  /** Starts a session now (the API's clock) until `end`; returns its id. */
  const park = async (email: string, plate: string, end: string) => {
    const result = await actor(email).request<Data>(startSession, {
      input: { productId: await api.permitOf(email), plate, end, idempotencyKey: randomUUID() },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.startSession.__typename, JSON.stringify(result.data)).toBe(
      'SessionAccepted',
    );
    return result.data!.startSession.session.id as string;
  };

  describe('informal-care time (docs/rules.md §4)', () => {
    it('credits the permit with a careGrant ledger row, records the statement, once per key', async () => {
      api.now = at('2026-11-23T09:00:00Z');
      const admin = actor(delftAdmin);
      const permitId = await api.permitOf(anna);
      const before = await api.balanceOf(permitId);
      const key = randomUUID();
      const input = {
        permitId,
        minutes: 10 * hours,
        carerStatement: 'Mantelzorgverklaring 2026-114, zorg voor moeder',
        idempotencyKey: key,
      };

      const first = await admin.request<Data>(grantCare, { input });
      expect(first.errors).toBeUndefined();
      const granted = first.data!.grantCareHours;
      expect(granted).toMatchObject({
        balanceAfter: before + 600,
        remainingMinutes: 400 * hours - 600,
        grant: {
          permitId,
          minutes: 600,
          carerStatement: input.carerStatement,
          grantedBy: delftAdmin,
          createdAt: api.now.toISOString(),
        },
      });
      expect(await api.balanceOf(permitId)).toBe(before + 600);
      const rows = await ledgerOf(permitId, 'careGrant');
      expect(rows.map((row) => row.amount)).toEqual([600]);
      await expectLedgerMatches(permitId);

      // A retry with the same key answers as the first call did and credits nothing.
      const retry = await admin.request<Data>(grantCare, { input });
      expect(retry.data!.grantCareHours.grant.id).toBe(granted.grant.id);
      expect(await api.balanceOf(permitId)).toBe(before + 600);
      const reused = await admin.request(grantCare, { input: { ...input, minutes: 60 } });
      expect(codeOf(reused)).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(await ledgerOf(permitId, 'careGrant')).toHaveLength(1);

      const listed = await admin.request<Data>(careGrants, { permitId });
      expect(listed.data!.careGrants).toEqual([
        {
          id: granted.grant.id,
          minutes: 600,
          carerStatement: input.carerStatement,
          grantedBy: delftAdmin,
          createdAt: api.now.toISOString(),
        },
      ]);

      const entries = await audit({ action: 'permit.careGrant', subjectId: permitId });
      expect(entries.totalCount).toBe(1);
      expect(entries.edges[0]!.node).toMatchObject({
        actor: delftAdmin,
        subjectType: 'permit',
        before: { balance: before },
        after: { balance: before + 600, minutes: 600, carerStatement: input.carerStatement },
      });
    });

    it('credits once when the same grant is sent twice at the same moment', async () => {
      const admin = actor(delftAdmin);
      const permitId = await api.permitOf(anna);
      const before = await api.balanceOf(permitId);
      const input = {
        permitId,
        minutes: 30,
        carerStatement: 'Verklaring',
        idempotencyKey: randomUUID(),
      };
      const [one, two] = await Promise.all([
        admin.request<Data>(grantCare, { input }),
        admin.request<Data>(grantCare, { input }),
      ]);
      expect([one.errors, two.errors]).toEqual([undefined, undefined]);
      expect(one.data!.grantCareHours.grant.id).toBe(two.data!.grantCareHours.grant.id);
      expect(await api.balanceOf(permitId)).toBe(before + 30);
      await expectLedgerMatches(permitId);
    });

    it('refuses a grant without a statement or with a wrong amount, and changes nothing', async () => {
      const admin = actor(delftAdmin);
      const permitId = await api.permitOf(anna);
      const before = await api.balanceOf(permitId);
      const input = { permitId, minutes: 60, carerStatement: '   ', idempotencyKey: randomUUID() };
      const blank = await admin.request(grantCare, { input });
      expect(codeOf(blank)).toBe('SETTINGS_INVALID');
      expect(failure(blank)!.extensions.problems).toMatchObject([
        { code: 'SETTING_REQUIRED', path: 'carerStatement' },
      ]);
      for (const minutes of [0, -60]) {
        const wrong = await admin.request(grantCare, {
          input: { ...input, minutes, carerStatement: 'Verklaring', idempotencyKey: randomUUID() },
        });
        expect(codeOf(wrong)).toBe('CARE_GRANT_INVALID_AMOUNT');
      }
      expect(await api.balanceOf(permitId)).toBe(before);
    });

    it('grants at most 400 hours per calendar year, counting earlier grants, local time (docs/rules.md §4)', async () => {
      const admin = actor(delftAdmin);
      const permitId = await api.permitOf(bram);
      const grant = (minutes: number) =>
        admin.request<Data>(grantCare, {
          input: { permitId, minutes, carerStatement: 'Verklaring', idempotencyKey: randomUUID() },
        });

      api.now = at('2026-06-01T10:00:00Z');
      expect((await grant(200 * hours)).data!.grantCareHours.remainingMinutes).toBe(200 * hours);
      api.now = at('2026-09-01T10:00:00Z');
      expect((await grant(150 * hours)).data!.grantCareHours.remainingMinutes).toBe(50 * hours);
      const before = await api.balanceOf(permitId);

      const tooMuch = await grant(60 * hours);
      expect(codeOf(tooMuch)).toBe('CARE_GRANT_LIMIT_EXCEEDED');
      expect(failure(tooMuch)!.extensions.params).toMatchObject({ remainingMinutes: 50 * hours });
      expect(failure(tooMuch)!.extensions.messages.nl).toContain('50 u');
      expect(await api.balanceOf(permitId)).toBe(before);

      expect((await grant(50 * hours)).data!.grantCareHours.remainingMinutes).toBe(0);
      // 31 December, 23:30 in Delft (22:30 UTC): still 2026, whose 400 hours are used.
      api.now = at('2026-12-31T22:30:00Z');
      const lastEvening = await grant(1);
      expect(codeOf(lastEvening)).toBe('CARE_GRANT_LIMIT_EXCEEDED');
      expect(failure(lastEvening)!.extensions.params).toMatchObject({ remainingMinutes: 0 });
      // 1 January, 00:30 in Delft (23:30 UTC on the 31st): a new year, 400 hours again.
      api.now = at('2026-12-31T23:30:00Z');
      const newYear = await grant(400 * hours);
      expect(newYear.errors).toBeUndefined();
      expect(newYear.data!.grantCareHours.remainingMinutes).toBe(0);

      const rows = await ledgerOf(permitId, 'careGrant');
      expect(rows.map((row) => row.amount)).toEqual([12000, 9000, 3000, 24000]);
      await expectLedgerMatches(permitId);
      expect((await admin.request<Data>(careGrants, { permitId })).data!.careGrants).toHaveLength(
        4,
      );
      expect((await audit({ action: 'permit.careGrant', subjectId: permitId })).totalCount).toBe(4);
    });

    it('offers no care time on a money balance', async () => {
      const result = await actor(oudstadAdmin).request(grantCare, {
        input: {
          permitId: await api.permitOf(carla),
          minutes: 60,
          carerStatement: 'Verklaring',
          idempotencyKey: randomUUID(),
        },
      });
      expect(codeOf(result)).toBe('CARE_GRANT_NOT_OFFERED');
    });
  });

  describe('goodwill fine waivers (docs/rules.md §9)', () => {
    it('allows one a year within a month of the fine, pending ones counting, refused ones not (docs/rules.md §9)', async () => {
      api.now = at('2026-11-26T09:00:00Z');
      const admin = actor(delftAdmin);
      const permitId = await api.permitOf(anna);
      const record = (input: Record<string, unknown>) =>
        admin.request<Data>(recordWaiver, { input: { permitId, ...input } });

      // A fine of Saturday 24 October 2026, the eve of the clock change: the month ends with
      // 24 November, Amsterdam time (UTC+1 by then).
      const late = await record({
        fineReference: 'NH-2026-001',
        fineDate: '2026-10-24',
        requestedAt: '2026-11-24T23:30:00Z',
      });
      expect(codeOf(late)).toBe('WAIVER_REQUEST_TOO_LATE');
      const inTime = await record({
        fineReference: 'NH-2026-001',
        fineDate: '2026-10-24',
        requestedAt: '2026-11-24T22:30:00Z',
      });
      expect(inTime.errors).toBeUndefined();
      const first = inTime.data!.recordFineWaiverRequest;
      expect(first).toMatchObject({
        permitId,
        productCode: expect.stringMatching(/^PK/),
        addressLabel: 'Oude Delft 1, Delft',
        fineReference: 'NH-2026-001',
        fineDate: '2026-10-24',
        status: 'pending',
        requestedAt: '2026-11-24T22:30:00.000Z',
        recordedBy: delftAdmin,
        decisionReason: null,
        decidedBy: null,
      });

      // While the first is pending, a second of the same year is refused.
      const second = { fineReference: 'NH-2026-002', fineDate: '2026-11-10' };
      expect(codeOf(await record(second))).toBe('WAIVER_YEAR_ALLOWANCE_USED');

      const refused = await admin.request<Data>(decideWaiver, {
        id: first.id,
        approve: false,
        reason: 'Bezoeker stond correct geregistreerd; geen coulance.',
      });
      expect(refused.data!.decideFineWaiver).toMatchObject({
        status: 'refused',
        decisionReason: 'Bezoeker stond correct geregistreerd; geen coulance.',
        decidedBy: delftAdmin,
        decidedAt: api.now.toISOString(),
      });
      const again = await admin.request(decideWaiver, { id: first.id, approve: true, reason: 'x' });
      expect(codeOf(again)).toBe('FINE_WAIVER_ALREADY_DECIDED');

      // The refusal used nothing: a request for another fine of 2026 may be made.
      const allowed = await record(second);
      expect(allowed.errors).toBeUndefined();
      const approved = await admin.request<Data>(decideWaiver, {
        id: allowed.data!.recordFineWaiverRequest.id,
        approve: true,
        reason: 'Bezoeker niet geregistreerd door storing in de app.',
      });
      expect(approved.data!.decideFineWaiver.status).toBe('approved');
      expect(codeOf(await record({ fineReference: 'NH-2026-003', fineDate: '2026-11-20' }))).toBe(
        'WAIVER_YEAR_ALLOWANCE_USED',
      );

      const all = (await admin.request<Data>(fineWaivers, { first: 10 })).data!.fineWaivers;
      expect(all.totalCount).toBe(2);
      expect(all.edges.map((edge: Data) => edge.node.fineReference)).toEqual([
        'NH-2026-002',
        'NH-2026-001',
      ]);
      const onlyApproved = (
        await admin.request<Data>(fineWaivers, { status: 'approved', first: 10 })
      ).data!.fineWaivers;
      expect(onlyApproved.edges.map((edge: Data) => edge.node.status)).toEqual(['approved']);
      const firstPage = (await admin.request<Data>(fineWaivers, { first: 1 })).data!.fineWaivers;
      expect(firstPage.pageInfo.hasNextPage).toBe(true);
      const nextPage = (
        await admin.request<Data>(fineWaivers, { first: 1, after: firstPage.pageInfo.endCursor })
      ).data!.fineWaivers;
      expect(nextPage.edges[0].node.fineReference).toBe('NH-2026-001');

      expect((await audit({ action: 'fineWaiver.record' })).totalCount).toBe(2);
      const decisions = await audit({ action: 'fineWaiver.refuse', subjectId: first.id });
      expect(decisions.edges.map((edge) => edge.node)).toMatchObject([
        {
          action: 'fineWaiver.refuse',
          before: { status: 'pending', decisionReason: null },
          after: { status: 'refused' },
        },
      ]);
      expect((await audit({ action: 'fineWaiver.approve' })).totalCount).toBe(1);
    });

    it('refuses a bad date, a request from the future, a decision without reason', async () => {
      api.now = at('2026-11-26T09:00:00Z');
      const admin = actor(delftAdmin);
      const permitId = await api.permitOf(bram);
      const badDate = await admin.request(recordWaiver, {
        input: { permitId, fineReference: ' ', fineDate: '2026-02-30' },
      });
      expect(failure(badDate)!.extensions.problems).toMatchObject([
        { code: 'SETTING_REQUIRED', path: 'fineReference' },
        { code: 'REQUEST_DATE_INVALID', path: 'fineDate' },
      ]);
      const future = await admin.request(recordWaiver, {
        input: {
          permitId,
          fineReference: 'NH-9',
          fineDate: '2026-11-20',
          requestedAt: '2026-11-27T09:00:00Z',
        },
      });
      expect(codeOf(future)).toBe('FINE_WAIVER_REQUEST_IN_FUTURE');
      const beforeFine = await admin.request(recordWaiver, {
        input: { permitId, fineReference: 'NH-9', fineDate: '2026-11-27' },
      });
      expect(codeOf(beforeFine)).toBe('WAIVER_REQUEST_BEFORE_FINE_DATE');
      const business = await admin.request(recordWaiver, {
        input: {
          permitId: await api.permitOf('bakkerij@demo.parkeer.nl', 'flexible-business-permit'),
          fineReference: 'NH-9',
          fineDate: '2026-11-20',
        },
      });
      expect(codeOf(business)).toBe('FINE_WAIVER_NOT_VISITOR_PERMIT');

      const pending = await admin.request<Data>(recordWaiver, {
        input: { permitId, fineReference: 'NH-10', fineDate: '2026-11-20' },
      });
      const id = pending.data!.recordFineWaiverRequest.id;
      const noReason = await admin.request(decideWaiver, { id, approve: true, reason: '  ' });
      expect(failure(noReason)!.extensions.problems).toMatchObject([
        { code: 'SETTING_REQUIRED', path: 'reason' },
      ]);
      const unknown = await admin.request(decideWaiver, {
        id: randomUUID(),
        approve: true,
        reason: 'x',
      });
      expect(codeOf(unknown)).toBe('NOT_FOUND');
    });
  });

  describe('outage compensation (docs/rules.md §9)', () => {
    it("gives back the paid minutes in the window of the zone's sessions, once", async () => {
      const admin = actor(delftAdmin);
      const annaPermit = await api.permitOf(anna);
      const bramPermit = await api.permitOf(bram);
      const zoneB = await zoneOf(anna);
      const annaBefore = await api.balanceOf(annaPermit);
      const bramBefore = await api.balanceOf(bramPermit);

      // Tuesday 1 December 2026, Delft (UTC+1); zone B is paid 09:00–21:00.
      api.now = at('2026-12-01T08:30:00Z'); // 09:30
      const through = await park(anna, 'GB123K', '2026-12-01T12:00:00Z'); // to 13:00
      await park(anna, 'XB123K', '2026-12-01T09:00:00Z'); // to 10:00, the window's start
      const stoppedEarly = await park(anna, '12ABC3', '2026-12-01T12:00:00Z');
      const otherZone = await park(bram, 'GB123K', '2026-12-01T12:00:00Z');
      api.now = at('2026-12-01T08:45:00Z');
      await actor(anna).request(stopSession, { id: stoppedEarly });

      // The outage: 10:00–11:00 local. `through` still runs when it is compensated.
      api.now = at('2026-12-01T11:00:00Z');
      const window = {
        zoneId: zoneB.id,
        windowStart: '2026-12-01T09:00:00.000Z',
        windowEnd: '2026-12-01T10:00:00.000Z',
        reason: 'Storing parkeerapp en belservice',
      };
      const done = await admin.request<Data>(compensate, { input: window });
      expect(done.errors).toBeUndefined();
      expect(done.data!.compensateOutage).toMatchObject({
        minutesCredited: 60,
        compensation: { zoneCode: 'B', sessionsCredited: 1, createdBy: delftAdmin, ...window },
      });
      const credits = await ledgerOf(annaPermit, 'compensation');
      expect(credits.map((row) => [row.amount, row.session?.id])).toEqual([[60, through]]);
      expect(credits[0]!.idempotencyKey).toMatch(/^outage:/);
      expect(await ledgerOf(bramPermit, 'compensation')).toEqual([]);
      await expectLedgerMatches(annaPermit);

      // Once: an overlapping window is refused, an adjacent one is another outage.
      const overlapping = await admin.request(compensate, {
        input: {
          ...window,
          windowStart: '2026-12-01T09:30:00Z',
          windowEnd: '2026-12-01T10:30:00Z',
        },
      });
      expect(codeOf(overlapping)).toBe('OUTAGE_WINDOW_OVERLAPS');
      expect(failure(overlapping)!.extensions.messages.nl).toContain('2026-12-01 10:00');
      expect(codeOf(await admin.request(compensate, { input: window }))).toBe(
        'OUTAGE_WINDOW_OVERLAPS',
      );
      const adjacent = await admin.request<Data>(compensate, {
        input: {
          ...window,
          windowStart: '2026-12-01T10:00:00Z',
          windowEnd: '2026-12-01T10:30:00Z',
        },
      });
      expect(adjacent.data!.compensateOutage.minutesCredited).toBe(30);

      // The sessions settle as usual; the credits stay: 150 + 30 + 15 charged, 90 back.
      await actor(anna).request(stopSession, { id: through });
      await actor(bram).request(stopSession, { id: otherZone });
      expect(await api.balanceOf(annaPermit)).toBe(annaBefore - 195 + 90);
      await expectLedgerMatches(annaPermit);
      expect(await api.balanceOf(bramPermit)).toBe(bramBefore - 150);

      const listed = (await admin.request<Data>(compensations, { zoneId: zoneB.id })).data!
        .outageCompensations;
      expect(listed.map((c: Data) => [c.windowStart, c.sessionsCredited])).toEqual([
        ['2026-12-01T10:00:00.000Z', 1],
        ['2026-12-01T09:00:00.000Z', 1],
      ]);
      const entries = await audit({ action: 'zone.outageCompensation', subjectId: zoneB.id });
      expect(entries.totalCount).toBe(2);
      const firstEntry = entries.edges.find(
        (edge) => edge.node.after.compensationId === done.data!.compensateOutage.compensation.id,
      );
      expect(firstEntry!.node).toMatchObject({
        subjectType: 'zone',
        subjectLabel: 'B',
        after: { sessionsCredited: 1, minutesCredited: 60, reason: window.reason },
      });
    });

    it('refuses a window that ends before it starts, lies ahead, is too long, or has no reason', async () => {
      api.now = at('2026-12-02T12:00:00Z');
      const admin = actor(delftAdmin);
      const zoneId = (await zoneOf(anna)).id;
      const input = (windowStart: string, windowEnd: string, reason = 'Storing') => ({
        input: { zoneId, windowStart, windowEnd, reason },
      });
      const refusals = [
        [input('2026-12-02T10:00:00Z', '2026-12-02T09:00:00Z'), 'OUTAGE_WINDOW_ENDS_BEFORE_START'],
        [input('2026-12-02T10:00:00Z', '2026-12-02T10:00:00Z'), 'OUTAGE_WINDOW_ENDS_BEFORE_START'],
        [input('2026-12-02T11:00:00Z', '2026-12-02T13:00:00Z'), 'OUTAGE_WINDOW_IN_FUTURE'],
        [input('2026-11-01T10:00:00Z', '2026-11-20T10:00:00Z'), 'OUTAGE_WINDOW_TOO_LONG'],
        [input('2026-12-02T09:00:00Z', '2026-12-02T10:00:00Z', ' '), 'SETTINGS_INVALID'],
      ] as const;
      for (const [variables, code] of refusals) {
        expect(codeOf(await admin.request(compensate, variables)), code).toBe(code);
      }
      expect(
        (await admin.request<Data>(compensations, { zoneId })).data!.outageCompensations,
      ).toHaveLength(2);
    });

    it('gives nothing back for minutes outside paid-parking hours (docs/rules.md §3)', async () => {
      const permitId = await api.permitOf(anna);
      const zoneB = await zoneOf(anna);
      const before = (await ledgerOf(permitId, 'compensation')).length;
      // Friday 4 December 2026: zone B is paid until 21:00; the visit lasts 20:30–21:30.
      api.now = at('2026-12-04T19:30:00Z');
      await park(anna, 'GB123K', '2026-12-04T20:30:00Z');
      api.now = at('2026-12-04T20:40:00Z');
      const outage = (windowStart: string, windowEnd: string) =>
        actor(delftAdmin).request<Data>(compensate, {
          input: { zoneId: zoneB.id, windowStart, windowEnd, reason: 'Storing' },
        });
      // 20:45–21:15: only its first quarter is paid.
      const half = await outage('2026-12-04T19:45:00Z', '2026-12-04T20:15:00Z');
      expect(half.data!.compensateOutage.minutesCredited).toBe(15);
      const after = await outage('2026-12-04T20:15:00Z', '2026-12-04T20:30:00Z');
      expect(after.data!.compensateOutage).toMatchObject({
        minutesCredited: 0,
        compensation: { sessionsCredited: 0 },
      });
      const credits = await ledgerOf(permitId, 'compensation');
      expect(credits.slice(before).map((row) => row.amount)).toEqual([15]);
      await expectLedgerMatches(permitId);
    });

    it('credits the cost of the paid minutes on a money balance', async () => {
      const admin = actor(oudstadAdmin);
      const permitId = await api.permitOf(carla);
      const centrum = await zoneOf(carla);
      const before = await api.balanceOf(permitId);
      api.now = at('2026-12-01T09:00:00Z'); // 10:00 in Oudstad, €2.10 an hour
      const session = await park(carla, '12ABC3', '2026-12-01T12:00:00Z');
      api.now = at('2026-12-01T10:00:00Z');
      const done = await admin.request<Data>(compensate, {
        input: {
          zoneId: centrum.id,
          windowStart: '2026-12-01T09:20:00Z',
          windowEnd: '2026-12-01T09:27:00Z',
          reason: 'Storing',
        },
      });
      expect(done.data!.compensateOutage.minutesCredited).toBe(7);
      // 27 minutes cost 95 ct, the first 20 cost 70 ct: the 7 minutes in between cost 25 ct.
      expect((await ledgerOf(permitId, 'compensation')).map((row) => row.amount)).toEqual([25]);
      await actor(carla).request(stopSession, { id: session });
      expect(await api.balanceOf(permitId)).toBe(before - 210 + 25);
      await expectLedgerMatches(permitId);
    });

    it('counts the hours that really passed across both clock changes', async () => {
      const admin = actor(delftAdmin);
      const permitId = await api.permitOf(bram);
      const zoneC = await zoneOf(bram);
      // Paid around the clock, so the night of a clock change is charged.
      const em = api.em();
      const zone = await em.findOneOrFail(Zone, zoneC.id);
      zone.regime = permitHolderRegime;
      await em.flush();

      const nights = [
        // 29 March 2026: 02:00 CET becomes 03:00 CEST; 00:00–04:00 local lasts 3 hours.
        {
          parkAt: '2026-03-28T22:00:00Z',
          window: ['2026-03-28T23:00:00Z', '2026-03-29T02:00:00Z'],
          stopAt: '2026-03-29T03:00:00Z',
          end: '2026-03-29T08:00:00Z',
          charged: 5 * hours,
          credited: 3 * hours,
        },
        // 25 October 2026: 03:00 CEST becomes 02:00 CET; 00:00–04:00 local lasts 5 hours.
        {
          parkAt: '2026-10-24T20:00:00Z',
          window: ['2026-10-24T22:00:00Z', '2026-10-25T03:00:00Z'],
          stopAt: '2026-10-25T04:00:00Z',
          end: '2026-10-25T08:00:00Z',
          charged: 8 * hours,
          credited: 5 * hours,
        },
      ];
      for (const night of nights) {
        const before = await api.balanceOf(permitId);
        api.now = at(night.parkAt);
        const session = await park(bram, 'GB123K', night.end);
        // Compensated while still running, then stopped: charged to the stop, credited the window.
        api.now = at(night.stopAt);
        const done = await admin.request<Data>(compensate, {
          input: {
            zoneId: zoneC.id,
            windowStart: night.window[0],
            windowEnd: night.window[1],
            reason: 'Storing in de nacht',
          },
        });
        expect(done.errors).toBeUndefined();
        expect(done.data!.compensateOutage.minutesCredited, night.parkAt).toBe(night.credited);
        expect((await ledgerOf(permitId, 'compensation')).at(-1)!.amount).toBe(night.credited);
        const stopped = await actor(bram).request<Data>(stopSession, { id: session });
        expect(stopped.data!.stopSession.charge, night.parkAt).toBe(night.charged);
        expect(await api.balanceOf(permitId)).toBe(before - night.charged + night.credited);
        await expectLedgerMatches(permitId);
      }
    });
  });

  describe('one town cannot reach the other', () => {
    it("answers NOT_FOUND for another town's permits, waivers and zones", async () => {
      api.now = at('2026-12-03T12:00:00Z');
      const delft = actor(delftAdmin);
      const oudstad = actor(oudstadAdmin);
      const annaPermit = await api.permitOf(anna);
      const carlaPermit = await api.permitOf(carla);
      const zoneB = (await zoneOf(anna)).id;
      const centrum = (await zoneOf(carla)).id;
      const annaBefore = await api.balanceOf(annaPermit);
      const grant = (permitId: string) => ({
        input: {
          permitId,
          minutes: 60,
          carerStatement: 'Verklaring',
          idempotencyKey: randomUUID(),
        },
      });
      const window = (zoneId: string) => ({
        input: {
          zoneId,
          windowStart: '2026-12-03T09:00:00Z',
          windowEnd: '2026-12-03T10:00:00Z',
          reason: 'Storing',
        },
      });
      const waiver = (permitId: string) => ({
        input: { permitId, fineReference: 'NH-X', fineDate: '2026-12-01' },
      });

      expect(codeOf(await oudstad.request(grantCare, grant(annaPermit)))).toBe('NOT_FOUND');
      expect(codeOf(await delft.request(grantCare, grant(carlaPermit)))).toBe('NOT_FOUND');
      expect(codeOf(await oudstad.request(careGrants, { permitId: annaPermit }))).toBe('NOT_FOUND');
      expect(codeOf(await oudstad.request(recordWaiver, waiver(annaPermit)))).toBe('NOT_FOUND');
      expect(codeOf(await delft.request(recordWaiver, waiver(carlaPermit)))).toBe('NOT_FOUND');
      expect(codeOf(await oudstad.request(compensate, window(zoneB)))).toBe('NOT_FOUND');
      expect(codeOf(await delft.request(compensate, window(centrum)))).toBe('NOT_FOUND');
      expect(codeOf(await delft.request(grantCare, grant('not-an-id')))).toBe('NOT_FOUND');

      const delftWaivers = (await delft.request<Data>(fineWaivers, { first: 10 })).data!
        .fineWaivers;
      const someDelftWaiver = delftWaivers.edges.find(
        (edge: Data) => edge.node.status === 'pending',
      ).node.id;
      const decided = await oudstad.request(decideWaiver, {
        id: someDelftWaiver,
        approve: true,
        reason: 'x',
      });
      expect(codeOf(decided)).toBe('NOT_FOUND');
      expect(
        (await oudstad.request<Data>(fineWaivers, { first: 10 })).data!.fineWaivers.totalCount,
      ).toBe(0);
      expect(
        (await oudstad.request<Data>(compensations, { zoneId: zoneB })).data!.outageCompensations,
      ).toEqual([]);

      expect(await api.balanceOf(annaPermit)).toBe(annaBefore);
      // Oudstad's admin sees none of Delft's audit entries; its own compensation is there.
      expect((await audit({ action: 'permit.careGrant' }, oudstadAdmin)).totalCount).toBe(0);
      expect((await audit({ action: 'zone.outageCompensation' }, oudstadAdmin)).totalCount).toBe(1);
    });
  });
});
