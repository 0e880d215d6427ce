import { beforeAll, describe, expect, it } from 'vitest';
import { hashSecret } from '../src/modules/auth/password-hash.js';
import { AuditEntry } from '../src/model/audit-entry.entity.js';
import { Favorite } from '../src/model/favorite.entity.js';
import { ParkingSession } from '../src/model/parking-session.entity.js';
import { Permit } from '../src/model/permit.entity.js';
import { Account } from '../src/model/account.entity.js';
import { demoMonday, useDemoApi } from './demo-api.js';
import type { TestClient } from './graphql-client.js';
import { loggedIn } from './login.js';
import { testDialects } from './test-databases.js';

const dialects = await testDialects();

const permitFields = `grantId grant grantExpiresAt registrationNumber productName zoneName street status
  balance unit paidToday { start end }
  sessions { id formattedPlate start end status costSoFar }
  favorites { plate formattedPlate country name } recentPlates { plate formattedPlate country name }`;

const find = `mutation ($number: String!, $pin: String!) {
  deskFindPermit(registrationNumber: $number, pin: $pin) { ${permitFields} } }`;
const start = `mutation ($input: DeskStartSessionInput!) {
  deskStartSession(input: $input) { permit { ${permitFields} } refused { reason message } } }`;
const changeEnd = `mutation ($input: DeskChangeEndInput!) {
  deskChangeSessionEnd(input: $input) { permit { ${permitFields} } refused { reason message } } }`;
const stop = `mutation ($grant: ID!, $sessionId: ID!) {
  deskStopSession(grant: $grant, sessionId: $sessionId) { permit { ${permitFields} } } }`;
const endCall = `mutation ($grant: ID!) { deskEndCall(grant: $grant) }`;
const newStop = `mutation ($grantId: ID, $id: ID, $grant: ID, $sessionId: ID) {
  deskStopSession(grantId: $grantId, id: $id, grant: $grant, sessionId: $sessionId) {
    permit { ${permitFields} } } }`;
const newEndCall = `mutation ($grantId: ID, $grant: ID) { deskEndCall(grantId: $grantId, grant: $grant) }`;

interface DeskPermit {
  grantId: string;
  grant: string;
  grantExpiresAt: string;
  registrationNumber: string;
  street: string;
  balance: number;
  unit: string;
  paidToday: { start: string; end: string }[];
  sessions: {
    id: string;
    formattedPlate: string;
    end: string;
    status: string;
    costSoFar: number;
  }[];
  favorites: { plate: string; name: string | null }[];
  recentPlates: { plate: string }[];
}

const minutesLater = (minutes: number) => new Date(demoMonday.getTime() + minutes * 60_000);

describe.each(dialects)(
  'the municipal desk on %s (docs/rules.md §5, "The municipal desk")',
  (dialect) => {
    const api = useDemoApi(dialect);
    const numbers = new Map<string, string>();
    let anna: string;
    let bram: string;
    let carla: string;
    let desk: TestClient;
    let admin: TestClient;
    let oudstadDesk: TestClient;

    /** Gives a permit a PIN the test knows, and remembers its registration number. */
    const knownPin = async (permitId: string, pin: string) => {
      const em = api.em();
      const permit = await em.findOneOrFail(Permit, { id: permitId });
      permit.pinHash = await hashSecret(pin);
      await em.flush();
      numbers.set(permitId, permit.productCode.replace(/^PK/, ''));
    };
    const accountId = async (email: string) =>
      (await api.em().findOneOrFail(Account, { email })).id;
    const opened = async (client: TestClient, permitId: string, pin: string) => {
      const result = await client.request<{ deskFindPermit: DeskPermit }>(find, {
        number: numbers.get(permitId),
        pin,
      });
      expect(result.errors).toBeUndefined();
      return result.data!.deskFindPermit;
    };
    const entries = (action: string) =>
      api.em().find(AuditEntry, { action }, { populate: ['actor'], orderBy: { at: 'asc' } });

    beforeAll(async () => {
      anna = await api.permitOf('anna@demo.parkeer.nl');
      bram = await api.permitOf('bram@demo.parkeer.nl');
      carla = await api.permitOf('carla@demo.parkeer.nl');
      await knownPin(anna, '4321');
      await knownPin(bram, '2468');
      await knownPin(carla, '8642');
      const em = api.em();
      em.create(Favorite, {
        permit: em.getReference(Permit, anna),
        plate: 'GB123K',
        name: 'Oma',
        createdAt: api.now,
      });
      await em.flush();
      desk = await loggedIn(api.url, 'balie@delft.demo.parkeer.nl');
      admin = await loggedIn(api.url, 'beheer@delft.demo.parkeer.nl');
      oudstadDesk = await loggedIn(api.url, 'balie@oudstad.demo.parkeer.nl');
    });

    it('opens a visitor permit of its own town with the registration number and PIN, shows the street and nothing more of the holder, and logs the lookup with the employee as actor', async () => {
      const permit = await opened(desk, anna, '4321');
      expect(permit.registrationNumber).toBe(`PK${numbers.get(anna)}`);
      expect(permit.street).toBe('Oude Delft');
      expect(permit).toMatchObject({ balance: 200 * 60, unit: 'minutes', sessions: [] });
      expect(permit.favorites).toEqual([
        { plate: 'GB123K', formattedPlate: 'GB-123-K', country: 'NL', name: 'Oma' },
      ]);
      // Monday in Delft: paid hours today, placed in Amsterdam time.
      expect(permit.paidToday.length).toBeGreaterThan(0);
      expect(new Date(permit.grantExpiresAt)).toEqual(minutesLater(15));
      const text = JSON.stringify(permit);
      expect(text).not.toContain('anna');
      expect(text).not.toContain('Oude Delft 1');
      const [entry] = await entries('desk.lookup');
      expect(entry!.actor.id).toBe(await accountId('balie@delft.demo.parkeer.nl'));
      expect(entry).toMatchObject({ subjectType: 'permit', subjectId: anna });
      expect(entry!.after).toMatchObject({ channel: 'desk' });
      expect(JSON.stringify(entry)).not.toContain('4321');
    });

    it('answers a wrong PIN, an unknown number and a permit of another town alike, and logs each wrong lookup without the PIN', async () => {
      const tries = [
        { number: numbers.get(anna), pin: '5791' },
        { number: '999999', pin: '4321' },
        // Carla's permit is Oudstad's: its right PIN opens nothing at Delft's desk.
        { number: numbers.get(carla), pin: '8642' },
      ];
      for (const variables of tries) {
        const result = await desk.request(find, variables);
        expect(result.data).toBeNull();
        expect(result.errors?.[0]?.extensions.code).toBe('DESK_REGISTRATION_WRONG');
        expect(result.errors?.[0]?.extensions.messages.nl).toContain('klopt niet');
        expect(result.errors?.[0]?.extensions.messages.en).toContain('is not correct');
      }
      const wrong = await entries('desk.lookup.wrong');
      expect(wrong.map((entry) => entry.subjectLabel)).toEqual([
        `PK${numbers.get(anna)}`.slice(2),
        '999999',
        numbers.get(carla),
      ]);
      for (const entry of wrong) {
        expect(entry.subjectType).toBe('deskLookup');
        expect(entry.municipality?.id).toBe(
          (await api.em().findOneOrFail(Permit, anna)).municipality.id,
        );
        expect(JSON.stringify([entry.subjectLabel, entry.before, entry.after])).not.toMatch(
          /5791|4321|8642/,
        );
      }
    });

    it('starts a session in channel desk, the balance follows, and the audit entry names the employee and no plate', async () => {
      const { grant } = await opened(desk, anna, '4321');
      const result = await desk.request<{
        deskStartSession: { permit: DeskPermit; refused: null };
      }>(start, {
        input: { grant, plate: 'GB-123-K', end: minutesLater(120).toISOString() },
      });
      expect(result.errors).toBeUndefined();
      const { permit, refused } = result.data!.deskStartSession;
      expect(refused).toBeNull();
      expect(permit.balance).toBe(200 * 60 - 120);
      expect(permit.sessions).toMatchObject([
        { formattedPlate: 'GB-123-K', status: 'running', costSoFar: 0 },
      ]);
      const stored = await api.em().findOneOrFail(ParkingSession, { id: permit.sessions[0]!.id });
      expect(stored.channel).toBe('desk');
      const [entry] = await entries('desk.session.start');
      expect(entry!.actor.id).toBe(await accountId('balie@delft.demo.parkeer.nl'));
      expect(entry).toMatchObject({ subjectType: 'parkingSession', subjectId: stored.id });
      expect(entry!.after).toMatchObject({ channel: 'desk' });
      expect(JSON.stringify(entry)).not.toContain('GB123K');
      expect(await api.ledgerSum(anna)).toBe(await api.balanceOf(anna));
    });

    it('answers a refused start with the rules’ reason and a bad plate with a typed error', async () => {
      const { grant } = await opened(desk, anna, '4321');
      // The same plate again while its session runs: the rules refuse it.
      const again = await desk.request<{
        deskStartSession: { permit: DeskPermit; refused: { reason: string; message: string } };
      }>(start, { input: { grant, plate: 'GB123K' } });
      expect(again.data?.deskStartSession.refused?.reason).toMatch(/^SESSION_/);
      expect(again.data?.deskStartSession.permit.sessions).toHaveLength(1);
      expect(await entries('desk.session.refused')).toHaveLength(1);
      const bad = await desk.request(start, { input: { grant, plate: '!' } });
      expect(bad.errors?.[0]?.extensions.code).toMatch(/^PLATE_/);
    });

    it('changes the end and stops the session (started at the desk, changed and stopped there too), each in the audit log', async () => {
      api.now = minutesLater(30);
      const { grant, sessions } = await opened(desk, anna, '4321');
      const sessionId = sessions[0]!.id;
      const changed = await desk.request<{ deskChangeSessionEnd: { permit: DeskPermit } }>(
        changeEnd,
        { input: { grant, sessionId, end: minutesLater(60).toISOString() } },
      );
      expect(changed.errors).toBeUndefined();
      expect(changed.data!.deskChangeSessionEnd.permit.balance).toBe(200 * 60 - 60);
      expect(changed.data!.deskChangeSessionEnd.permit.sessions[0]!.costSoFar).toBe(30);
      const stopped = await desk.request<{ deskStopSession: { permit: DeskPermit } }>(stop, {
        grant,
        sessionId,
      });
      expect(stopped.errors).toBeUndefined();
      expect(stopped.data!.deskStopSession.permit).toMatchObject({
        balance: 200 * 60 - 30,
        sessions: [],
      });
      expect((await entries('desk.session.end.set'))[0]).toMatchObject({ subjectId: sessionId });
      expect((await entries('desk.session.stop'))[0]).toMatchObject({ subjectId: sessionId });
      expect(await api.ledgerSum(anna)).toBe(await api.balanceOf(anna));
    });

    it('keeps a grant to its own account and town, and to the sessions of its own permit', async () => {
      const { grant } = await opened(desk, anna, '4321');
      const other = await oudstadDesk.request(endCall, { grant });
      expect(other.errors?.[0]?.extensions.code).toBe('DESK_GRANT_ENDED');
      const colleague = await admin.request(start, { input: { grant, plate: 'AB123C' } });
      expect(colleague.errors?.[0]?.extensions.code).toBe('DESK_GRANT_ENDED');
      // Bram's session, stopped through a grant of Anna's permit: not there, and still running.
      const bramsGrant = (await opened(admin, bram, '2468')).grant;
      const bramStarted = await admin.request<{
        deskStartSession: { permit: DeskPermit };
      }>(start, { input: { grant: bramsGrant, plate: 'AB-123-C' } });
      const sessionId = bramStarted.data!.deskStartSession.permit.sessions[0]!.id;
      const foreign = await desk.request(stop, { grant, sessionId });
      expect(foreign.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
      const brams = await api.em().findOneOrFail(ParkingSession, { id: sessionId });
      expect(brams).toMatchObject({ status: 'running', stoppedAt: null });
    });

    it('lets a municipal admin take a call at the desk of its own town', async () => {
      const permit = await opened(admin, bram, '2468');
      expect(permit.street).toBe('Westlandseweg');
      const [entry] = (await entries('desk.lookup')).filter((e) => e.subjectId === bram);
      expect(entry!.actor.id).toBe(await accountId('beheer@delft.demo.parkeer.nl'));
    });

    it('stops guessing per permit (docs/security.md, registrationPin): after five wrong PINs even the right one is refused, and logged as blocked', async () => {
      for (let i = 0; i < 5; i++) {
        const wrong = await admin.request(find, { number: numbers.get(bram), pin: '1111' });
        expect(wrong.errors?.[0]?.extensions.code).toBe('DESK_REGISTRATION_WRONG');
      }
      const blocked = await desk.request(find, { number: numbers.get(bram), pin: '2468' });
      expect(blocked.errors?.[0]?.extensions.code).toBe('DESK_TRIES_BLOCKED');
      expect(await entries('desk.lookup.blocked')).toHaveLength(1);
    });

    it('stops guessing per desk account (registrationPin per client): after ten wrong lookups its own town’s right pair is refused', async () => {
      for (let i = 0; i < 10; i++) {
        const wrong = await oudstadDesk.request(find, { number: `90000${i}`, pin: '1234' });
        expect(wrong.errors?.[0]?.extensions.code).toBe('DESK_REGISTRATION_WRONG');
      }
      const blocked = await oudstadDesk.request(find, { number: numbers.get(carla), pin: '8642' });
      expect(blocked.errors?.[0]?.extensions.code).toBe('DESK_TRIES_BLOCKED');
      // Another employee's budget is their own.
      expect((await opened(desk, anna, '4321')).street).toBe('Oude Delft');
    });

    it('ends a grant after 15 minutes, or at once when the call is done', async () => {
      const first = await opened(desk, anna, '4321');
      expect((await desk.request(endCall, { grant: first.grant })).data).toEqual({
        deskEndCall: true,
      });
      const afterDone = await desk.request(start, {
        input: { grant: first.grant, plate: 'AB123C' },
      });
      expect(afterDone.errors?.[0]?.extensions.code).toBe('DESK_GRANT_ENDED');
      expect(afterDone.errors?.[0]?.extensions.messages.nl).toContain('niet meer open');
      const second = await opened(desk, anna, '4321');
      api.now = new Date(api.now.getTime() + 15 * 60_000);
      const expired = await desk.request(start, {
        input: { grant: second.grant, plate: 'AB123C' },
      });
      expect(expired.errors?.[0]?.extensions.code).toBe('DESK_GRANT_ENDED');
      expect(await entries('desk.call.end')).toHaveLength(1);
    });

    it('names the grant grantId and a stopped session id, and still takes the deprecated grant and sessionId (docs/graphql.md, Names)', async () => {
      const permit = await opened(desk, anna, '4321');
      expect(permit.grantId).toBe(permit.grant);
      const { grantId } = permit;
      const started = await desk.request<{ deskStartSession: { permit: DeskPermit } }>(start, {
        input: { grantId, plate: 'AB-124-C' },
      });
      expect(started.errors).toBeUndefined();
      const sessionId = started.data!.deskStartSession.permit.sessions[0]!.id;
      const end = new Date(api.now.getTime() + 90 * 60_000).toISOString();
      const oldName = await desk.request(changeEnd, { input: { grant: grantId, sessionId, end } });
      expect(oldName.errors).toBeUndefined();
      const other = (await opened(desk, anna, '4321')).grantId;
      expect(other).not.toBe(grantId);
      const conflicting = [
        [start, { input: { grantId, grant: other, plate: 'AB-125-C' } }],
        [changeEnd, { input: { grantId, grant: other, sessionId, end } }],
        [newStop, { grantId, id: sessionId, grant: other }],
        [newStop, { grantId, id: sessionId, sessionId: other }],
        [newEndCall, { grantId, grant: other }],
        [newStop, { id: sessionId }],
      ] as const;
      for (const [operation, variables] of conflicting) {
        const refused = await desk.request(operation, variables);
        expect(refused.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
      }
      expect(await api.em().findOneOrFail(ParkingSession, { id: sessionId })).toMatchObject({
        status: 'running',
      });
      const stopped = await desk.request<{ deskStopSession: { permit: DeskPermit } }>(newStop, {
        grantId,
        id: sessionId,
      });
      expect(stopped.errors).toBeUndefined();
      expect(stopped.data!.deskStopSession.permit.sessions).toEqual([]);
      expect((await desk.request(newEndCall, { grantId })).data).toEqual({ deskEndCall: true });
      const ended = await desk.request(start, { input: { grantId, plate: 'AB-124-C' } });
      expect(ended.errors?.[0]?.extensions.code).toBe('DESK_GRANT_ENDED');
    });
  },
);
