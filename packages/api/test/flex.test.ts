import { describe, expect, it } from 'vitest';
import { ParkingSession } from '../src/model/parking-session.entity.js';
import { ProductType } from '../src/model/product-type.entity.js';
import { demoPassword } from '../src/seed/demo-seed.js';
import { TestClient } from './graphql-client.js';
import { permitPot } from '../src/modules/ledger/ledger.js';
import { withPermitTransaction } from '../src/modules/ledger/permit-transaction.js';
import { useDemoApi } from './demo-api.js';
import { loggedIn } from './login.js';
import { testDialects } from './test-databases.js';

const dialects = await testDialects();

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const permitFields = `permitId zoneName maxPlates date canRegister registrationStart paidHoursEnd
  nextDate balance unit registration { id plate start end status }
  plates { id plate formattedPlate name role registered }`;
const flexQuery = `query ($permitId: ID!) { flexPermit(permitId: $permitId) { ${permitFields} } }`;
const addMutation = `mutation ($input: AddFlexPlateInput!) {
  addFlexPlate(input: $input) { id plate formattedPlate name role registered } }`;
const renameMutation = `mutation ($input: RenameFlexPlateInput!) {
  renameFlexPlate(input: $input) { id name } }`;
const removeMutation = `mutation ($permitId: ID!, $plateId: ID!) {
  removeFlexPlate(permitId: $permitId, plateId: $plateId) { plates { plate } } }`;
const registerMutation = `mutation ($input: RegisterFlexPlateInput!) { registerFlexPlate(input: $input) {
  __typename
  ... on SessionAccepted { session { id plate start end status reservation } quote { planned } }
  ... on SessionRefused { reason message params } } }`;
const stopMutation = `mutation ($permitId: ID!) {
  stopFlexRegistration(permitId: $permitId) { registration { id } plates { plate registered } } }`;

const codeOf = (result: { errors?: { extensions: { code: string } }[] }) =>
  result.errors?.[0]?.extensions.code;

describe.each(dialects)(
  'the flexible business permit on %s (docs/rules.md §5, The flexible business permit)',
  (dialect) => {
    const api = useDemoApi(dialect);
    let key = 0;
    const nextKey = () => `flex-${dialect}-${++key}`;
    let bakkerij: TestClient;
    let permitId: string;

    const register = async (plate: string) =>
      (
        await bakkerij.request<Data>(registerMutation, {
          input: { permitId, plate, idempotencyKey: nextKey() },
        })
      ).data?.registerFlexPlate;
    const today = async (client: TestClient = bakkerij) =>
      (await client.request<Data>(flexQuery, { permitId })).data?.flexPermit;
    const sessionRow = (id: string) => api.em().findOneOrFail(ParkingSession, { id });

    it('shows the listed plates, the maximum and when a registration made now stops', async () => {
      bakkerij = await loggedIn(api.url, 'bakkerij@demo.parkeer.nl');
      permitId = await api.permitOf('bakkerij@demo.parkeer.nl', 'flexible-business-permit');
      const flex = await today();
      expect(flex).toMatchObject({
        zoneName: 'Parkeergebied H',
        maxPlates: 10,
        date: '2026-11-23',
        canRegister: true,
        // Monday 10:00; zone H is paid until 18:00 (17:00 UTC in winter).
        registrationStart: '2026-11-23T09:00:00.000Z',
        paidHoursEnd: '2026-11-23T17:00:00.000Z',
        nextDate: null,
        registration: null,
        unit: 'minutes',
      });
      expect(flex.plates.map((p: Data) => p.name)).toEqual([
        'Leverancier meel',
        'Sanne (ma–wo)',
        'Youssef (do–za)',
      ]);
    });

    it('docs/rules.md §5: the business adds, renames and removes plates, within the town’s maximum', async () => {
      const added = await bakkerij.request<Data>(addMutation, {
        input: { permitId, plate: 'k-123-bb', name: 'Invalkracht', role: 'employee' },
      });
      expect(added.data?.addFlexPlate).toMatchObject({
        plate: 'K123BB',
        formattedPlate: 'K-123-BB',
        role: 'employee',
        registered: false,
      });
      const twice = await bakkerij.request<Data>(addMutation, {
        input: { permitId, plate: 'K-123-BB', name: 'Nog eens', role: 'visitor' },
      });
      expect(codeOf(twice)).toBe('FLEX_PLATE_ALREADY_LISTED');
      const nameless = await bakkerij.request<Data>(addMutation, {
        input: { permitId, plate: 'L-456-BB', name: ' ', role: 'visitor' },
      });
      expect(codeOf(nameless)).toBe('FLEX_PLATE_NAME_REQUIRED');
      const badPlate = await bakkerij.request<Data>(addMutation, {
        input: { permitId, plate: '!!', name: 'X', role: 'visitor' },
      });
      expect(codeOf(badPlate)).toMatch(/^PLATE_/);

      // The town lowers its maximum to the four listed now: a fifth is refused.
      const em = api.em();
      const type = await em.findOneOrFail(ProductType, {
        code: 'flexible-business-permit',
        municipality: { code: 'delft' },
      });
      type.maxListedPlates = 4;
      await em.flush();
      const fifth = await bakkerij.request<Data>(addMutation, {
        input: { permitId, plate: 'L-456-BB', name: 'Bezoek', role: 'visitor' },
      });
      expect(codeOf(fifth)).toBe('FLEX_PLATE_LIMIT_REACHED');
      expect(fifth.errors?.[0]?.extensions).toMatchObject({ code: 'FLEX_PLATE_LIMIT_REACHED' });
      type.maxListedPlates = 10;
      await em.flush();

      const plateId = added.data?.addFlexPlate.id;
      const renamed = await bakkerij.request<Data>(renameMutation, {
        input: { permitId, plateId, name: 'Invaller' },
      });
      expect(renamed.data?.renameFlexPlate.name).toBe('Invaller');
      const removed = await bakkerij.request<Data>(removeMutation, { permitId, plateId });
      expect(removed.data?.removeFlexPlate.plates.map((p: Data) => p.plate)).not.toContain(
        'K123BB',
      );
    });

    it('names the permit id in flexPermit and a plate id in renameFlexPlate and removeFlexPlate, and still takes the deprecated permitId and plateId (docs/graphql.md, Names)', async () => {
      const byEither = `query ($id: ID, $permitId: ID) { flexPermit(id: $id, permitId: $permitId) { id permitId } }`;
      const flex = await bakkerij.request<Data>(byEither, { id: permitId });
      expect(flex.data?.flexPermit).toEqual({ id: permitId, permitId });
      const other = crypto.randomUUID();
      for (const variables of [{}, { id: permitId, permitId: other }]) {
        expect(codeOf(await bakkerij.request<Data>(byEither, variables))).toBe('BAD_USER_INPUT');
      }
      const added = await bakkerij.request<Data>(addMutation, {
        input: { permitId, plate: 'N-789-BB', name: 'Nieuw', role: 'visitor' },
      });
      const id = added.data?.addFlexPlate.id as string;
      const remove = `mutation ($permitId: ID!, $id: ID, $plateId: ID) {
        removeFlexPlate(permitId: $permitId, id: $id, plateId: $plateId) { plates { id } } }`;
      const conflicting = [
        [renameMutation, { input: { permitId, id, plateId: other, name: 'X' } }],
        [renameMutation, { input: { permitId, name: 'X' } }],
        [remove, { permitId, id, plateId: other }],
        [remove, { permitId }],
      ] as const;
      for (const [operation, variables] of conflicting) {
        expect(codeOf(await bakkerij.request<Data>(operation, variables))).toBe('BAD_USER_INPUT');
      }
      const renamed = await bakkerij.request<Data>(renameMutation, {
        input: { permitId, id, name: 'Hernoemd' },
      });
      expect(renamed.data?.renameFlexPlate).toEqual({ id, name: 'Hernoemd' });
      const removed = await bakkerij.request<Data>(remove, { permitId, id });
      expect(removed.data?.removeFlexPlate.plates.map((p: Data) => p.id)).not.toContain(id);
    });

    it("docs/rules.md §5: a registration runs from now until the zone's paid hours end today, paid from the balance", async () => {
      const before = await api.balanceOf(permitId);
      const registered = await register('GHJ12K');
      expect(registered).toMatchObject({
        __typename: 'SessionAccepted',
        session: {
          plate: 'GHJ12K',
          start: '2026-11-23T09:00:00.000Z',
          end: '2026-11-23T17:00:00.000Z',
          status: 'running',
          // 8 paid hours, reserved at once.
          reservation: 480,
        },
      });
      expect(await api.balanceOf(permitId)).toBe(before - 480);
      const flex = await today();
      expect(flex.registration).toMatchObject({ plate: 'GHJ12K', status: 'running' });
      expect(flex.plates.find((p: Data) => p.plate === 'GHJ12K').registered).toBe(true);
    });

    it('docs/rules.md §5: one plate at a time: registering the next plate stops the current registration', async () => {
      const first = (await today()).registration;
      api.now = new Date('2026-11-23T11:00:00Z');
      const next = await register('4TXL89');
      expect(next).toMatchObject({
        __typename: 'SessionAccepted',
        session: { plate: '4TXL89', end: '2026-11-23T17:00:00.000Z', status: 'running' },
      });
      const stopped = await sessionRow(first.id);
      expect(stopped.status).toBe('ended');
      expect(stopped.stoppedAt?.toISOString()).toBe('2026-11-23T11:00:00.000Z');
      // Two hours charged; the rest back on the balance.
      expect(stopped.charge).toBe(120);
      const open = await api
        .em()
        .find(ParkingSession, { permit: permitId, status: { $in: ['running', 'planned'] } });
      expect(open.map((s) => s.plate)).toEqual(['4TXL89']);
      expect(await api.balanceOf(permitId)).toBe(await api.ledgerSum(permitId));
    });

    it('docs/rules.md §5: refuses a plate not on the list, and the plate that is already registered', async () => {
      expect(await register('ZZ-999-Z')).toMatchObject({
        __typename: 'SessionRefused',
        reason: 'FLEX_PLATE_NOT_LISTED',
      });
      expect(await register('4-TXL-89')).toMatchObject({
        __typename: 'SessionRefused',
        reason: 'FLEX_PLATE_ALREADY_REGISTERED',
      });
    });

    it('docs/rules.md §5: one plate at a time holds for an ordinary start too', async () => {
      const result = await bakkerij.request<Data>(
        `mutation ($input: StartSessionInput!) { startSession(input: $input) {
          __typename ... on SessionRefused { reason } } }`,
        { input: { productId: permitId, plate: 'GHJ12K', idempotencyKey: nextKey() } },
      );
      expect(result.data?.startSession).toMatchObject({
        __typename: 'SessionRefused',
        reason: 'SESSION_MAX_CONCURRENT_REACHED',
      });
    });

    it("stops today's registration on request", async () => {
      api.now = new Date('2026-11-23T12:00:00Z');
      const stopped = await bakkerij.request<Data>(stopMutation, { permitId });
      expect(stopped.data?.stopFlexRegistration).toMatchObject({ registration: null });
      expect(stopped.data?.stopFlexRegistration.plates.every((p: Data) => !p.registered)).toBe(
        true,
      );
    });

    it('docs/rules.md §5: after the paid hours a registration is refused: register again tomorrow', async () => {
      // Monday 19:30 in Amsterdam.
      api.now = new Date('2026-11-23T18:30:00Z');
      expect(await today()).toMatchObject({
        canRegister: false,
        paidHoursEnd: null,
        nextDate: '2026-11-24',
      });
      expect(await register('GHJ12K')).toMatchObject({
        __typename: 'SessionRefused',
        reason: 'FLEX_NO_PAID_HOURS_LEFT_TODAY',
        params: { nextDate: '2026-11-24' },
      });
    });

    it("docs/rules.md §5: before the paid hours it is planned for today's first paid minute; a switch takes the planned one back", async () => {
      // Tuesday 07:30 in Amsterdam.
      api.now = new Date('2026-11-24T06:30:00Z');
      const planned = await register('89KBN2');
      expect(planned).toMatchObject({
        session: {
          start: '2026-11-24T08:00:00.000Z',
          end: '2026-11-24T17:00:00.000Z',
          status: 'planned',
        },
        quote: { planned: true },
      });
      const other = await register('GHJ12K');
      expect(other).toMatchObject({ session: { plate: 'GHJ12K', status: 'planned' } });
      expect((await sessionRow(planned.session.id)).status).toBe('deleted');
    });

    it('docs/rules.md §5: the end follows the paid hours across the spring DST change', async () => {
      // Monday 30 March 2026, 10:00 in Amsterdam (UTC+2 since Sunday): paid until 16:00 UTC.
      api.now = new Date('2026-03-30T08:00:00Z');
      expect(await today()).toMatchObject({ paidHoursEnd: '2026-03-30T16:00:00.000Z' });
      // Saturday 28 March, before the change (UTC+1): paid until 17:00 UTC.
      api.now = new Date('2026-03-28T09:00:00Z');
      expect(await today()).toMatchObject({ paidHoursEnd: '2026-03-28T17:00:00.000Z' });
    });

    it('docs/rules.md §5: the end follows the paid hours across the autumn DST change', async () => {
      // Saturday 24 October 2026 (UTC+2): paid until 16:00 UTC.
      api.now = new Date('2026-10-24T08:00:00Z');
      expect(await today()).toMatchObject({ paidHoursEnd: '2026-10-24T16:00:00.000Z' });
      // Sunday 25 October: no paid hours in zone H; Monday 26 (UTC+1) is the next day to register.
      api.now = new Date('2026-10-25T09:00:00Z');
      expect(await today()).toMatchObject({ canRegister: false, nextDate: '2026-10-26' });
      api.now = new Date('2026-10-26T09:00:00Z');
      expect(await today()).toMatchObject({ paidHoursEnd: '2026-10-26T17:00:00.000Z' });
      api.now = new Date('2026-11-24T09:00:00Z');
    });

    it('docs/rules.md §5: a switch whose new registration is refused leaves the current one running', async () => {
      // Wednesday 25 November, 11:00 in Amsterdam.
      api.now = new Date('2026-11-25T10:00:00Z');
      const first = await register('GHJ12K');
      expect(first).toMatchObject({ __typename: 'SessionAccepted' });
      // Parking used elsewhere leaves the balance below what the rest of the day costs.
      await withPermitTransaction(api.em(), permitId, api.now, async (unit) => {
        const balance = await unit.ledger.balance(permitPot);
        await unit.ledger.post(permitPot, { kind: 'charge', amount: -50 - balance, at: api.now });
      });
      api.now = new Date('2026-11-25T12:00:00Z');
      expect(await register('4TXL89')).toMatchObject({
        __typename: 'SessionRefused',
        reason: 'SESSION_INSUFFICIENT_BALANCE',
      });
      const still = await sessionRow(first.session.id);
      expect(still).toMatchObject({ status: 'running', stoppedAt: null });
      expect((await today()).registration).toMatchObject({ plate: 'GHJ12K' });
      expect(await api.balanceOf(permitId)).toBe(-50);
    });

    it('the partner API: a bearer token registers, and a retry with the same key answers the same', async () => {
      // Thursday 26 November, 11:00 in Amsterdam.
      api.now = new Date('2026-11-26T10:00:00Z');
      // The balance the test before spent, back.
      await withPermitTransaction(api.em(), permitId, api.now, (unit) =>
        unit.ledger.post(permitPot, { kind: 'topUp', amount: 1000, at: api.now }),
      );
      const issued = await new TestClient(api.url).request<Data>(
        'mutation ($email: String!, $password: String!) { createAccessToken(email: $email, password: $password) { token } }',
        { email: 'bakkerij@demo.parkeer.nl', password: demoPassword },
      );
      const partner = new TestClient(api.url, {
        authorization: `Bearer ${issued.data?.createAccessToken.token}`,
      });
      const input = { permitId, plate: '89-KBN-2', idempotencyKey: nextKey() };
      const first = await partner.request<Data>(registerMutation, { input });
      expect(first.data?.registerFlexPlate).toMatchObject({
        __typename: 'SessionAccepted',
        session: { plate: '89KBN2', end: '2026-11-26T17:00:00.000Z' },
      });
      const again = await partner.request<Data>(registerMutation, { input });
      expect(again.data?.registerFlexPlate.session.id).toBe(
        first.data?.registerFlexPlate.session.id,
      );
      const row = await sessionRow(first.data?.registerFlexPlate.session.id);
      expect(row.channel).toBe('app');
      expect((await partner.request<Data>(flexQuery, { permitId })).data?.flexPermit).toMatchObject(
        { registration: { plate: '89KBN2' } },
      );
    });

    it('authorization: an admin of the town reads; other roles, other towns and a resident get nothing', async () => {
      const admin = await loggedIn(api.url, 'beheer@delft.demo.parkeer.nl');
      expect((await today(admin)).plates.length).toBeGreaterThan(0);
      const adminRegister = await admin.request<Data>(registerMutation, {
        input: { permitId, plate: 'GHJ12K', idempotencyKey: nextKey() },
      });
      expect(codeOf(adminRegister)).toBe('FORBIDDEN');
      const adminStop = await admin.request<Data>(stopMutation, { permitId });
      expect(codeOf(adminStop)).toBe('FORBIDDEN');

      const oudstadAdmin = await loggedIn(api.url, 'beheer@oudstad.demo.parkeer.nl');
      expect(codeOf(await oudstadAdmin.request<Data>(flexQuery, { permitId }))).toBe('NOT_FOUND');

      const anna = await loggedIn(api.url, 'anna@demo.parkeer.nl');
      expect(codeOf(await anna.request<Data>(flexQuery, { permitId }))).toBe('FORBIDDEN');

      // The business's other products are not flexible permits; someone else's is not found.
      const annaPermit = await api.permitOf('anna@demo.parkeer.nl');
      expect(codeOf(await bakkerij.request<Data>(flexQuery, { permitId: annaPermit }))).toBe(
        'NOT_FOUND',
      );
      const removeOthers = await bakkerij.request<Data>(removeMutation, {
        permitId: annaPermit,
        plateId: '00000000-0000-4000-8000-000000000000',
      });
      expect(codeOf(removeOthers)).toBe('NOT_FOUND');
    });
  },
);
