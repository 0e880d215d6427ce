import type { MikroORM } from '@mikro-orm/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { Account } from '../src/model/account.entity.js';
import { Delegation } from '../src/model/delegation.entity.js';
import { Favorite } from '../src/model/favorite.entity.js';
import { PermitPlate } from '../src/model/permit-plate.entity.js';
import { Permit } from '../src/model/permit.entity.js';
import { ParkingSession, type SessionStatus } from '../src/model/parking-session.entity.js';
import { TestClient } from './graphql-client.js';
import { demoMonday, useDemoApi } from './demo-api.js';
import { loggedIn } from './login.js';
import { testDialects } from './test-databases.js';

const dialects = await testDialects();
const hour = 3_600_000;

const recent = `query ($permitId: ID!, $first: Int) {
  recentPlates(permitId: $permitId, first: $first) { plate formattedPlate country lastStart } }`;
const plates = `query ($permitId: ID!) { permitPlates(permitId: $permitId) { plate formattedPlate country active } }`;
const switchPlate = `mutation ($permitId: ID!, $plate: String!) {
  switchPlate(input: { permitId: $permitId, plate: $plate }) { plate active } }`;

interface PlateData {
  plate: string;
  formattedPlate: string;
  country: string;
  active: boolean;
}

describe.each(dialects)('plates through GraphQL on %s (docs/rules.md §5, §6)', (dialect) => {
  const now = demoMonday;
  const api = useDemoApi(dialect, { start: now });
  let anna: TestClient;
  let bram: TestClient;
  let carla: TestClient;
  let annaPermit: string;
  let carlaResident: string;

  const permitIdAt = async (orm: MikroORM, addressKey: string, code: string) =>
    (await orm.em.fork().findOneOrFail(Permit, { addressKey, productType: { code } })).id;
  const codeOf = (result: { errors?: { extensions: { code: string } }[] }) =>
    result.errors?.[0]?.extensions.code;
  const activeRows = async () =>
    (await api.em().find(PermitPlate, { permit: carlaResident })).filter(
      (row) => row.activeSlot != null,
    );

  /** Writes sessions directly: the session mutations are not what is tested here. */
  async function addSessions(
    permitId: string,
    sessions: { plate: string; hoursAgo: number; status?: SessionStatus; delegate?: boolean }[],
  ) {
    const em = api.em();
    const permit = await em.findOneOrFail(Permit, { id: permitId }, { populate: ['holder'] });
    const delegation = await em.findOne(
      Delegation,
      { permit: permitId },
      { populate: ['delegate'] },
    );
    for (const session of sessions) {
      const start = new Date(now.getTime() - session.hoursAgo * hour);
      em.create(ParkingSession, {
        permit,
        plate: session.plate,
        start,
        end: new Date(start.getTime() + hour),
        reservation: 60,
        charge: 60,
        channel: 'web',
        status: session.status ?? 'ended',
        delegation: session.delegate ? delegation : null,
        startedBy: session.delegate ? delegation!.delegate : permit.holder,
      });
    }
    await em.flush();
  }

  beforeAll(async () => {
    anna = await loggedIn(api.url, 'anna@demo.parkeer.nl');
    bram = await loggedIn(api.url, 'bram@demo.parkeer.nl');
    carla = await loggedIn(api.url, 'carla@demo.parkeer.nl');
    annaPermit = await permitIdAt(api.orm, 'delft-oude-delft-1', 'visitor-permit');
    carlaResident = await permitIdAt(api.orm, 'oudstad-markt-3', 'resident-permit');

    const em = api.em();
    const permit = await em.findOneOrFail(Permit, { id: annaPermit });
    em.create(Delegation, {
      permit,
      email: 'bram@demo.parkeer.nl',
      delegate: await em.findOneOrFail(Account, { email: 'bram@demo.parkeer.nl' }),
      budget: 600,
      balance: 600,
      status: 'accepted',
      acceptedAt: now,
    });
    em.create(Favorite, { permit, plate: 'KL123X', name: 'Zus' });
    await em.flush();
  });

  describe('recent plates', () => {
    beforeAll(async () => {
      await addSessions(annaPermit, [
        { plate: 'GB123K', hoursAgo: 72 },
        { plate: '1ABC23', hoursAgo: 48 },
        { plate: 'GB123K', hoursAgo: 1 },
        { plate: '99XXB9', hoursAgo: 24, status: 'deleted' },
        { plate: 'KL123X', hoursAgo: 0.5 },
        { plate: 'ZZ12AB', hoursAgo: 5, delegate: true },
        { plate: 'ZZ12AB', hoursAgo: 30, delegate: true },
        { plate: 'KL123X', hoursAgo: 6, delegate: true },
      ]);
      await addSessions(await permitIdAt(api.orm, 'delft-westlandseweg-20', 'visitor-permit'), [
        { plate: 'SX12AB', hoursAgo: 0.1 },
      ]);
    });

    it("lists the permit's distinct plates by their latest start, without favorites or deleted sessions", async () => {
      const result = await anna.request<{ recentPlates: PlateData[] }>(recent, {
        permitId: annaPermit,
      });
      expect(result.errors).toBeUndefined();
      expect(result.data?.recentPlates).toEqual([
        {
          plate: 'GB123K',
          formattedPlate: 'GB-123-K',
          country: 'NL',
          lastStart: new Date(now.getTime() - hour).toISOString(),
        },
        {
          plate: 'ZZ12AB',
          formattedPlate: 'ZZ-12-AB',
          country: 'NL',
          lastStart: new Date(now.getTime() - 5 * hour).toISOString(),
        },
        {
          plate: '1ABC23',
          formattedPlate: '1-ABC-23',
          country: 'NL',
          lastStart: new Date(now.getTime() - 48 * hour).toISOString(),
        },
      ]);
      const first = await anna.request<{ recentPlates: PlateData[] }>(recent, {
        permitId: annaPermit,
        first: 1,
      });
      expect(first.data?.recentPlates.map((p) => p.plate)).toEqual(['GB123K']);
    });

    it("shows a delegate only its own delegation's plates, favorites included", async () => {
      const result = await bram.request<{ recentPlates: PlateData[] }>(recent, {
        permitId: annaPermit,
      });
      expect(result.errors).toBeUndefined();
      expect(result.data?.recentPlates.map((p) => p.plate)).toEqual(['ZZ12AB', 'KL123X']);
    });

    it('refuses a page size outside 1..50 and other people’s permits', async () => {
      for (const first of [0, 51, -1]) {
        expect(
          codeOf(await anna.request(recent, { permitId: annaPermit, first })),
          `${first}`,
        ).toBe('BAD_USER_INPUT');
      }
      expect(codeOf(await carla.request(recent, { permitId: annaPermit }))).toBe('NOT_FOUND');
      expect(codeOf(await new TestClient(api.url).request(recent, { permitId: annaPermit }))).toBe(
        'UNAUTHENTICATED',
      );
    });
  });

  describe('plate switch', () => {
    it("shows the permit's plates with exactly one active", async () => {
      const result = await carla.request<{ permitPlates: PlateData[] }>(plates, {
        permitId: carlaResident,
      });
      expect(result.errors).toBeUndefined();
      expect(result.data?.permitPlates).toEqual([
        { plate: '12ABC3', formattedPlate: '12-ABC-3', country: 'NL', active: false },
        { plate: 'XX999X', formattedPlate: 'XX-999-X', country: 'NL', active: true },
      ]);
    });

    it('switches to another plate of the permit, as typed, and back', async () => {
      const result = await carla.request<{ switchPlate: PlateData[] }>(switchPlate, {
        permitId: carlaResident,
        plate: '12-abc-3',
      });
      expect(result.errors).toBeUndefined();
      expect(result.data?.switchPlate).toEqual([
        { plate: '12ABC3', active: true },
        { plate: 'XX999X', active: false },
      ]);
      expect((await activeRows()).map((row) => row.plate)).toEqual(['12ABC3']);

      const again = await carla.request<{ switchPlate: PlateData[] }>(switchPlate, {
        permitId: carlaResident,
        plate: '12ABC3',
      });
      expect(again.data?.switchPlate.filter((p) => p.active).map((p) => p.plate)).toEqual([
        '12ABC3',
      ]);
      await carla.request(switchPlate, { permitId: carlaResident, plate: 'XX999X' });
      expect((await activeRows()).map((row) => row.plate)).toEqual(['XX999X']);
    });

    it('leaves exactly one active plate after concurrent switches', async () => {
      const targets = ['12ABC3', 'XX999X', '12ABC3', 'XX999X', '12ABC3', 'XX999X', '12ABC3'];
      const results = await Promise.all(
        targets.map((plate) => carla.request(switchPlate, { permitId: carlaResident, plate })),
      );
      expect(results.map(codeOf)).toEqual(targets.map(() => undefined));
      const active = await activeRows();
      expect(active).toHaveLength(1);
      expect(active[0]!.activeSlot).toBe(carlaResident);
    });

    it('refuses a plate that is not on the permit, and anyone but the owner', async () => {
      const before = (await activeRows()).map((row) => row.plate);
      const unknown = await carla.request(switchPlate, {
        permitId: carlaResident,
        plate: 'GB-123-K',
      });
      expect(codeOf(unknown)).toBe('PLATE_NOT_ON_PERMIT');
      expect(unknown.errors?.[0]?.extensions.messages.en).toContain('GB123K');
      expect(
        codeOf(await anna.request(switchPlate, { permitId: carlaResident, plate: '12ABC3' })),
      ).toBe('NOT_FOUND');
      expect(codeOf(await anna.request(plates, { permitId: carlaResident }))).toBe('NOT_FOUND');

      const em = api.em();
      em.create(Delegation, {
        permit: await em.findOneOrFail(Permit, { id: carlaResident }),
        email: 'anna@demo.parkeer.nl',
        delegate: await em.findOneOrFail(Account, { email: 'anna@demo.parkeer.nl' }),
        budget: 0,
        balance: 0,
        status: 'accepted',
      });
      await em.flush();
      expect(
        codeOf(await anna.request(switchPlate, { permitId: carlaResident, plate: '12ABC3' })),
      ).toBe('PRODUCT_OWNER_ONLY');
      const officer = await loggedIn(api.url, 'handhaving@demo.parkeer.nl');
      expect(
        codeOf(await officer.request(switchPlate, { permitId: carlaResident, plate: '12ABC3' })),
      ).toBe('FORBIDDEN');
      expect(
        codeOf(
          await new TestClient(api.url).request(switchPlate, {
            permitId: carlaResident,
            plate: '12ABC3',
          }),
        ),
      ).toBe('UNAUTHENTICATED');
      expect((await activeRows()).map((row) => row.plate)).toEqual(before);
    });
  });
});
