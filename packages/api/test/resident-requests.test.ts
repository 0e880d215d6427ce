import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Account } from '../src/model/account.entity.js';
import { Delegation } from '../src/model/delegation.entity.js';
import { LedgerEntry } from '../src/model/ledger-entry.entity.js';
import { MailOutbox } from '../src/model/mail-outbox.entity.js';
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
const bakkerij = 'bakkerij@demo.parkeer.nl';
const hours = 60;

const permitRequests = `query ($permitId: ID!) { permitRequests(permitId: $permitId) {
  permitId timeZone waiver { perCalendarYear requestWithinMonths }
  care { period limitMinutes permitStart remainingMinutes nextPeriodStart counted { at minutes } }
  fineWaivers { id fineReference fineDate plate reason status requestedAt decisionReason decidedAt }
  careRequests { id minutes carerStatement status requestedAt decisionReason decidedAt } } }`;
const requestWaiver = `mutation ($input: RequestFineWaiverInput!) { requestFineWaiver(input: $input) {
  id permitId fineReference fineDate plate reason status requestedAt decisionReason decidedAt } }`;
const requestCare = `mutation ($input: RequestCareHoursInput!) { requestCareHours(input: $input) {
  id permitId minutes carerStatement status requestedAt decisionReason decidedAt } }`;
const fineWaivers = `query ($status: FineWaiverStatus) { fineWaivers(status: $status, first: 10) {
  totalCount edges { node { id productCode fineReference fineDate status recordedBy filedByHolder
  plate holderReason } } } }`;
const decideWaiver = `mutation ($id: ID!, $approve: Boolean!, $reason: String!) {
  decideFineWaiver(id: $id, approve: $approve, reason: $reason) { id status decisionReason } }`;
const careRequests = `query ($status: FineWaiverStatus) { careHoursRequests(status: $status, first: 10) {
  totalCount edges { node { id permitId productCode addressLabel minutes carerStatement status
  requestedBy requestedAt decisionReason decidedBy decidedAt } } } }`;
const decideCare = `mutation ($input: DecideCareHoursRequestInput!) { decideCareHoursRequest(input: $input) {
  balanceAfter remainingMinutes request { id status decisionReason decidedBy decidedAt } } }`;
const careGrants = `query ($permitId: ID!) { careGrants(permitId: $permitId) { id minutes carerStatement } }`;
const auditLog = `query ($filter: AuditLogFilter) { auditLog(filter: $filter, first: 50) {
  totalCount edges { node { action actor subjectId after } } } }`;

const at = (iso: string) => new Date(iso);
const dialects = await testDialects();

describe.each(dialects)("residents' own requests, on %s", (dialect) => {
  const api = useDemoApi(dialect);
  const logins = new Map<string, Promise<TestClient>>();
  /** One login per account and clock time (a login lapses by the API's clock, which moves). */
  const as = (email: string) => ({
    request: async <T = Data>(query: string, variables?: Record<string, unknown>) => {
      const key = `${email} ${api.now.toISOString()}`;
      if (!logins.has(key)) logins.set(key, loggedIn(api.url, email));
      return (await logins.get(key)!).request<T>(query, variables);
    },
  });
  const failure = (result: { errors?: unknown[] }) => result.errors?.[0] as Failure | undefined;
  const codeOf = (result: { errors?: unknown[] }) => failure(result)?.extensions.code;
  const careRows = (permitId: string) =>
    api.em().find(LedgerEntry, { permit: permitId, kind: 'careGrant' });
  const mailsTo = (recipient: string, subject: string) =>
    api.em().find(MailOutbox, { recipient, subject });
  const overview = async (email: string, permitId: string) => {
    const result = await as(email).request<Data>(permitRequests, { permitId });
    expect(result.errors).toBeUndefined();
    return result.data!.permitRequests;
  };

  describe('goodwill waiver (docs/rules.md §9)', () => {
    it('checks the rules before storing, lands pending in the queue, and shows the decision', async () => {
      api.now = at('2026-11-23T09:00:00Z');
      const permitId = await api.permitOf(anna);
      const input = {
        permitId,
        fineReference: 'CJIB-2026-0042',
        fineDate: '2026-11-10',
        plate: 'gb 123 x',
        reason: 'Mijn bezoek kon niet worden aangemeld: de app gaf een storing.',
        idempotencyKey: randomUUID(),
      };
      expect((await overview(anna, permitId)).waiver).toEqual({
        perCalendarYear: 1,
        requestWithinMonths: 1,
      });

      // More than a month after the fine: refused with the deadline, in Dutch and English.
      const late = await as(anna).request(requestWaiver, {
        input: { ...input, fineDate: '2026-10-01', idempotencyKey: randomUUID() },
      });
      expect(codeOf(late)).toBe('WAIVER_REQUEST_TOO_LATE');
      expect(failure(late)!.extensions.messages.nl).toMatch(/\S/);
      expect(failure(late)!.extensions.messages.en).toMatch(/\S/);
      const malformed = await as(anna).request(requestWaiver, {
        input: { ...input, plate: 'ab@12', reason: ' ', idempotencyKey: randomUUID() },
      });
      expect(codeOf(malformed)).toBe('SETTINGS_INVALID');
      expect(failure(malformed)!.extensions.problems).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ code: 'SETTING_REQUIRED', path: 'reason' }),
          expect.objectContaining({ code: 'PLATE_INVALID_CHARACTERS', path: 'plate' }),
        ]),
      );
      expect((await overview(anna, permitId)).fineWaivers).toEqual([]);

      const filed = await as(anna).request<Data>(requestWaiver, { input });
      expect(filed.errors).toBeUndefined();
      const waiver = filed.data!.requestFineWaiver;
      expect(waiver).toMatchObject({
        permitId,
        fineReference: 'CJIB-2026-0042',
        fineDate: '2026-11-10',
        plate: 'GB-123-X',
        reason: input.reason,
        status: 'pending',
        requestedAt: api.now.toISOString(),
        decisionReason: null,
      });
      // A retry with the key gets the request filed first, not the year's allowance refusal.
      const retry = await as(anna).request<Data>(requestWaiver, { input });
      expect(retry.data!.requestFineWaiver.id).toBe(waiver.id);
      // The pending request holds the year's one waiver.
      const second = await as(anna).request(requestWaiver, {
        input: { ...input, fineDate: '2026-11-20', idempotencyKey: randomUUID() },
      });
      expect(codeOf(second)).toBe('WAIVER_YEAR_ALLOWANCE_USED');

      const queue = await as(delftAdmin).request<Data>(fineWaivers, { status: 'pending' });
      expect(queue.data!.fineWaivers.edges.map((edge: Data) => edge.node)).toContainEqual({
        id: waiver.id,
        productCode: expect.any(String),
        fineReference: 'CJIB-2026-0042',
        fineDate: '2026-11-10',
        status: 'pending',
        recordedBy: anna,
        filedByHolder: true,
        plate: 'GB-123-X',
        holderReason: input.reason,
      });
      // Another town's admin finds nothing to decide.
      const foreign = await as(oudstadAdmin).request(decideWaiver, {
        id: waiver.id,
        approve: true,
        reason: 'x',
      });
      expect(codeOf(foreign)).toBe('NOT_FOUND');

      api.now = at('2026-11-24T10:00:00Z');
      const refused = await as(delftAdmin).request<Data>(decideWaiver, {
        id: waiver.id,
        approve: false,
        reason: 'Op die dag was er geen storing.',
      });
      expect(refused.errors).toBeUndefined();
      expect((await overview(anna, permitId)).fineWaivers).toEqual([
        expect.objectContaining({
          id: waiver.id,
          status: 'refused',
          decisionReason: 'Op die dag was er geen storing.',
          decidedAt: api.now.toISOString(),
        }),
      ]);
      const [refusedMail, ...more] = await mailsTo(anna, 'Uw aanvraag is afgewezen');
      expect(more).toEqual([]);
      expect(refusedMail!.text).toContain('boete CJIB-2026-0042');
      expect(refusedMail!.text).toContain('Op die dag was er geen storing.');
      // A refused request uses no allowance: another fine of the year may be asked about.
      const again = await as(anna).request<Data>(requestWaiver, {
        input: {
          ...input,
          fineReference: 'CJIB-2026-0077',
          fineDate: '2026-11-20',
          idempotencyKey: randomUUID(),
        },
      });
      expect(again.errors).toBeUndefined();
      expect(again.data!.requestFineWaiver.status).toBe('pending');
    });

    it('is for the holder of a visitor permit only, on their own permit', async () => {
      const annas = await api.permitOf(anna);
      const input = {
        permitId: annas,
        fineReference: 'X-1',
        fineDate: '2026-11-20',
        plate: 'GB-123-X',
        reason: 'Reden',
        idempotencyKey: randomUUID(),
      };
      expect(codeOf(await as(bram).request(permitRequests, { permitId: annas }))).toBe('NOT_FOUND');
      expect(codeOf(await as(bram).request(requestWaiver, { input }))).toBe('NOT_FOUND');
      expect(
        codeOf(
          await as(bram).request(requestCare, {
            input: {
              permitId: annas,
              minutes: 60,
              carerStatement: 'V',
              idempotencyKey: randomUUID(),
            },
          }),
        ),
      ).toBe('NOT_FOUND');

      // A flexible business permit has neither scheme.
      const flexible = await api.permitOf(bakkerij, 'flexible-business-permit');
      expect(await overview(bakkerij, flexible)).toMatchObject({ waiver: null, care: null });
      const business = await as(bakkerij).request(requestWaiver, {
        input: { ...input, permitId: flexible, idempotencyKey: randomUUID() },
      });
      expect(codeOf(business)).toBe('FINE_WAIVER_NOT_VISITOR_PERMIT');
      const businessCare = await as(bakkerij).request(requestCare, {
        input: {
          permitId: flexible,
          minutes: 60,
          carerStatement: 'V',
          idempotencyKey: randomUUID(),
        },
      });
      expect(codeOf(businessCare)).toBe('CARE_GRANT_NOT_OFFERED');

      // A delegate uses the product but does not ask the town on the owner's behalf.
      const em = api.em();
      const lent = em.create(Delegation, {
        permit: await api.permitOf(carla),
        email: bram,
        delegate: await em.findOneOrFail(Account, { email: bram }),
        budget: 0,
        balance: 0,
        status: 'accepted',
        acceptedAt: api.now,
      });
      await em.flush();
      const asDelegate = await as(bram).request(requestWaiver, {
        input: { ...input, permitId: await api.permitOf(carla), idempotencyKey: randomUUID() },
      });
      expect(codeOf(asDelegate)).toBe('PRODUCT_OWNER_ONLY');
      expect(
        codeOf(await as(bram).request(permitRequests, { permitId: await api.permitOf(carla) })),
      ).toBe('PRODUCT_OWNER_ONLY');
      lent.status = 'revoked';
      await em.flush();

      // Oudstad's visitor permit: goodwill waivers, but no care time.
      const carlas = await api.permitOf(carla);
      expect(await overview(carla, carlas)).toMatchObject({
        waiver: { perCalendarYear: 1 },
        care: null,
        timeZone: 'Europe/Amsterdam',
      });
    });
  });

  describe('informal-care time (docs/rules.md §4)', () => {
    it('files up to the room left, pending requests included; an approval credits through the ledger once', async () => {
      api.now = at('2026-06-01T10:00:00Z');
      const permitId = await api.permitOf(bram);
      const start = await overview(bram, permitId);
      expect(start.care).toMatchObject({
        period: 'calendarYear',
        limitMinutes: 400 * hours,
        remainingMinutes: 400 * hours,
        nextPeriodStart: '2027-01-01',
        counted: [],
      });
      const ask = (minutes: number, key = randomUUID()) =>
        as(bram).request<Data>(requestCare, {
          input: {
            permitId,
            minutes,
            carerStatement: 'Mantelzorgverklaring 2026-7, zorg voor vader',
            idempotencyKey: key,
          },
        });

      const tooMuch = await ask(401 * hours);
      expect(codeOf(tooMuch)).toBe('CARE_GRANT_LIMIT_EXCEEDED');
      expect(failure(tooMuch)!.extensions.params).toMatchObject({ remainingMinutes: 400 * hours });

      const before = await api.balanceOf(permitId);
      const key = randomUUID();
      const filed = await ask(300 * hours, key);
      expect(filed.errors).toBeUndefined();
      const request = filed.data!.requestCareHours;
      expect(request).toMatchObject({ permitId, minutes: 300 * hours, status: 'pending' });
      expect((await ask(300 * hours, key)).data!.requestCareHours.id).toBe(request.id);
      // Filing moves nothing; the pending hours are spoken for.
      expect(await api.balanceOf(permitId)).toBe(before);
      expect(await careRows(permitId)).toEqual([]);
      const overCap = await ask(150 * hours);
      expect(codeOf(overCap)).toBe('CARE_GRANT_LIMIT_EXCEEDED');
      expect(failure(overCap)!.extensions.params).toMatchObject({ remainingMinutes: 100 * hours });
      expect((await overview(bram, permitId)).care).toMatchObject({
        remainingMinutes: 100 * hours,
        counted: [{ at: api.now.toISOString(), minutes: 300 * hours }],
      });

      const queue = await as(delftAdmin).request<Data>(careRequests, { status: 'pending' });
      expect(queue.errors).toBeUndefined();
      expect(queue.data!.careHoursRequests.edges.map((edge: Data) => edge.node)).toEqual([
        expect.objectContaining({
          id: request.id,
          permitId,
          addressLabel: 'Westlandseweg 20, Delft',
          minutes: 300 * hours,
          requestedBy: bram,
          status: 'pending',
        }),
      ]);
      const oudstadQueue = await as(oudstadAdmin).request<Data>(careRequests, {});
      expect(oudstadQueue.data!.careHoursRequests.totalCount).toBe(0);
      const decision = {
        id: request.id,
        approve: true,
        reason: 'Verklaring in orde.',
        idempotencyKey: randomUUID(),
      };
      expect(codeOf(await as(oudstadAdmin).request(decideCare, { input: decision }))).toBe(
        'NOT_FOUND',
      );

      api.now = at('2026-06-02T08:00:00Z');
      const approved = await as(delftAdmin).request<Data>(decideCare, { input: decision });
      expect(approved.errors).toBeUndefined();
      expect(approved.data!.decideCareHoursRequest).toEqual({
        balanceAfter: before + 300 * hours,
        remainingMinutes: 100 * hours,
        request: {
          id: request.id,
          status: 'approved',
          decisionReason: 'Verklaring in orde.',
          decidedBy: delftAdmin,
          decidedAt: api.now.toISOString(),
        },
      });
      // A retry answers the same and credits nothing more; a new decision is refused.
      const retried = await as(delftAdmin).request<Data>(decideCare, { input: decision });
      expect(retried.data!.decideCareHoursRequest).toEqual(approved.data!.decideCareHoursRequest);
      const twice = await as(delftAdmin).request(decideCare, {
        input: { ...decision, idempotencyKey: randomUUID() },
      });
      expect(codeOf(twice)).toBe('CARE_REQUEST_ALREADY_DECIDED');

      expect(await api.balanceOf(permitId)).toBe(before + 300 * hours);
      expect((await careRows(permitId)).map((row) => row.amount)).toEqual([300 * hours]);
      expect(await api.ledgerSum(permitId)).toBe(await api.balanceOf(permitId));
      const grants = await as(delftAdmin).request<Data>(careGrants, { permitId });
      expect(grants.data!.careGrants).toEqual([
        expect.objectContaining({ minutes: 300 * hours, carerStatement: request.carerStatement }),
      ]);
      const audit = await as(delftAdmin).request<Data>(auditLog, {
        filter: { action: 'careRequest.approve', subjectId: request.id },
      });
      expect(audit.data!.auditLog.totalCount).toBe(1);

      const approvedMails = await mailsTo(bram, 'Uw aanvraag is toegekend');
      expect(approvedMails.map((mail) => mail.text)).toEqual([
        expect.stringContaining('300 u mantelzorg toegekend'),
      ]);
      const seen = await overview(bram, permitId);
      expect(seen.careRequests).toEqual([
        expect.objectContaining({
          id: request.id,
          status: 'approved',
          decisionReason: 'Verklaring in orde.',
          decidedAt: api.now.toISOString(),
        }),
      ]);
      expect(seen.care.remainingMinutes).toBe(100 * hours);
    });

    it('a refusal gives the reason, credits nothing and frees the hours asked', async () => {
      const permitId = await api.permitOf(bram);
      const filed = await as(bram).request<Data>(requestCare, {
        input: {
          permitId,
          minutes: 100 * hours,
          carerStatement: 'Verklaring',
          idempotencyKey: randomUUID(),
        },
      });
      expect(filed.errors).toBeUndefined();
      const id = filed.data!.requestCareHours.id;
      expect((await overview(bram, permitId)).care.remainingMinutes).toBe(0);
      const before = await api.balanceOf(permitId);

      const blank = await as(delftAdmin).request(decideCare, {
        input: { id, approve: false, reason: ' ', idempotencyKey: randomUUID() },
      });
      expect(codeOf(blank)).toBe('SETTINGS_INVALID');
      const refused = await as(delftAdmin).request<Data>(decideCare, {
        input: {
          id,
          approve: false,
          reason: 'Geen verklaring bijgevoegd.',
          idempotencyKey: randomUUID(),
        },
      });
      expect(refused.data!.decideCareHoursRequest).toMatchObject({
        balanceAfter: null,
        remainingMinutes: null,
        request: { status: 'refused', decisionReason: 'Geen verklaring bijgevoegd.' },
      });
      expect(await api.balanceOf(permitId)).toBe(before);
      expect(await careRows(permitId)).toHaveLength(1);
      const seen = await overview(bram, permitId);
      expect(seen.careRequests[0]).toMatchObject({ id, status: 'refused' });
      expect(seen.care.remainingMinutes).toBe(100 * hours);
    });

    it('two requests filed at the same moment cannot promise the same hours twice', async () => {
      const permitId = await api.permitOf(bram);
      const file = () =>
        as(bram).request<Data>(requestCare, {
          input: {
            permitId,
            minutes: 60 * hours,
            carerStatement: 'V',
            idempotencyKey: randomUUID(),
          },
        });
      const results = await Promise.all([file(), file()]);
      expect(results.map(codeOf).sort()).toEqual(['CARE_GRANT_LIMIT_EXCEEDED', undefined]);
      expect((await overview(bram, permitId)).care.remainingMinutes).toBe(40 * hours);
    });
  });
});
