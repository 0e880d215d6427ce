import { randomUUID } from 'node:crypto';
import type { Client } from 'graphql-ws';
import { afterAll, describe, expect, it } from 'vitest';
import { Topic } from '../src/graphql/pubsub.js';
import { Account } from '../src/model/account.entity.js';
import { Permit } from '../src/model/permit.entity.js';
import { ParkingSession } from '../src/model/parking-session.entity.js';
import { useDemoApi } from './demo-api.js';
import type { TestClient } from './graphql-client.js';
import { loggedIn } from './login.js';
import { testDialects } from './test-databases.js';
import { Stream, until, wsClient } from './ws-client.js';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const minute = 60_000;
const occupancy = '{ zoneOccupancy { zoneId zoneCode running at } }';
const changes = 'subscription { zoneOccupancyChanged { zoneCode running at } }';
const start = `mutation ($input: StartSessionInput!) { startSession(input: $input) {
  __typename ... on SessionAccepted { session { id } } } }`;
const stop = 'mutation ($id: ID!) { stopSession(sessionId: $id) { id } }';
const starts = '{ sessionStartsToday { hour start count } }';

interface HourCount {
  hour: number;
  start: string;
  count: number;
}
const startsOf = async (client: TestClient): Promise<HourCount[]> => {
  const result = await client.request<Data>(starts);
  expect(result.errors).toBeUndefined();
  return result.data!.sessionStartsToday;
};

const dialects = await testDialects();

describe.each(dialects)('the live zone counts of the back office, on %s', (dialect) => {
  const api = useDemoApi(dialect);
  const clients: Client[] = [];
  const streams: Stream[] = [];
  afterAll(async () => {
    await Promise.all(streams.map((stream) => stream.close()));
    await Promise.all(clients.map((client) => client.dispose()));
  });

  const watchAs = (client: TestClient) => {
    const ws = wsClient(api.url, { cookie: client.lastSetCookie!.split(';')[0]! });
    clients.push(ws);
    const stream = new Stream(ws, changes, {});
    streams.push(stream);
    return stream;
  };
  const municipalityOf = async (email: string) =>
    (await api.em().findOneOrFail(Account, { email })).municipality!.id;
  const zoneCodeOf = async (email: string) =>
    (
      await api
        .em()
        .findOneOrFail(
          Permit,
          { holder: { email }, productType: { code: 'visitor-permit' } },
          { populate: ['zone'] },
        )
    ).zone.code;
  const startOn = async (client: TestClient, email: string, plate: string) => {
    const result = await client.request<Data>(start, {
      input: {
        productId: await api.permitOf(email),
        plate,
        end: new Date(api.now.getTime() + 60 * minute).toISOString(),
        idempotencyKey: randomUUID(),
      },
    });
    expect(result.data?.startSession.__typename).toBe('SessionAccepted');
    return result.data!.startSession.session.id as string;
  };

  it("counts the running sessions per zone of the admin's own town, live", async () => {
    const delftAdmin = await loggedIn(api.url, 'beheer@delft.demo.parkeer.nl');
    const oudstadAdmin = await loggedIn(api.url, 'beheer@oudstad.demo.parkeer.nl');
    const anna = await loggedIn(api.url, 'anna@demo.parkeer.nl');
    const carla = await loggedIn(api.url, 'carla@demo.parkeer.nl');
    const annasZone = await zoneCodeOf('anna@demo.parkeer.nl');

    // The back office's header names the admin's own town.
    const town = '{ adminMunicipality { code name } }';
    expect((await delftAdmin.request<Data>(town)).data?.adminMunicipality).toEqual({
      code: 'delft',
      name: 'Gemeente Delft (demo)',
    });
    expect((await oudstadAdmin.request<Data>(town)).data?.adminMunicipality.code).toBe('oudstad');

    const before = await delftAdmin.request<Data>(occupancy);
    const zones = before.data!.zoneOccupancy as { zoneCode: string; running: number }[];
    expect(zones.map((zone) => zone.zoneCode)).toContain(annasZone);
    expect(zones.every((zone) => zone.running === 0)).toBe(true);
    const oudstadZones = (await oudstadAdmin.request<Data>(occupancy)).data!.zoneOccupancy;
    expect(oudstadZones.map((zone: { zoneCode: string }) => zone.zoneCode)).not.toContain(
      annasZone,
    );

    const delftView = watchAs(delftAdmin);
    const oudstadView = watchAs(oudstadAdmin);
    const delft = await municipalityOf('beheer@delft.demo.parkeer.nl');
    const oudstad = await municipalityOf('beheer@oudstad.demo.parkeer.nl');
    await until(() => api.pubSub.listeners(Topic.ZoneEvents, delft) === 1, 'the Delft admin');
    await until(() => api.pubSub.listeners(Topic.ZoneEvents, oudstad) === 1, 'the Oudstad admin');

    const first = await startOn(anna, 'anna@demo.parkeer.nl', 'GB123K');
    expect((await delftView.nth(0)).data?.zoneOccupancyChanged).toEqual({
      zoneCode: annasZone,
      running: 1,
      at: api.now.toISOString(),
    });
    await startOn(anna, 'anna@demo.parkeer.nl', 'XB123K');
    expect((await delftView.nth(1)).data?.zoneOccupancyChanged.running).toBe(2);
    expect((await anna.request<Data>(stop, { id: first })).errors).toBeUndefined();
    expect((await delftView.nth(2)).data?.zoneOccupancyChanged.running).toBe(1);

    // Oudstad's admin heard nothing of Delft, and hears its own town.
    expect(oudstadView.received).toEqual([]);
    await startOn(carla, 'carla@demo.parkeer.nl', '12-ABC-3');
    expect((await oudstadView.nth(0)).data?.zoneOccupancyChanged.running).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(delftView.received).toHaveLength(3);

    // Starts per hour of today: both of Anna's count at 10:00, the stopped one too; Carla's
    // session is Oudstad's, and counts there only.
    const delftStarts = await startsOf(delftAdmin);
    expect(delftStarts).toHaveLength(24);
    expect(delftStarts.filter((hour) => hour.count > 0)).toEqual([
      { hour: 10, start: '2026-11-23T09:00:00.000Z', count: 2 },
    ]);
    expect((await startsOf(oudstadAdmin)).filter((hour) => hour.count > 0)).toEqual([
      { hour: 10, start: '2026-11-23T09:00:00.000Z', count: 1 },
    ]);

    // The query agrees with the last event.
    const after = (await delftAdmin.request<Data>(occupancy)).data!.zoneOccupancy;
    expect(after.find((zone: { zoneCode: string }) => zone.zoneCode === annasZone).running).toBe(1);

    // A session past its end no longer counts, even before anything settled it.
    api.now = new Date(api.now.getTime() + 61 * minute);
    const later = (await delftAdmin.request<Data>(occupancy)).data!.zoneOccupancy;
    expect(later.every((zone: { running: number }) => zone.running === 0)).toBe(true);
  });
});

describe.each(dialects)('starts per hour of the local day, on %s', (dialect) => {
  const api = useDemoApi(dialect);
  const hour = 3_600_000;

  /** Sessions written directly, at exact instants: the session rules are not the subject. */
  async function sessionsAt(
    email: string,
    starts: readonly string[],
    status: 'running' | 'ended' | 'planned' | 'deleted' = 'ended',
  ) {
    const em = api.em();
    const permit = await em.findOneOrFail(Permit, { id: await api.permitOf(email) });
    for (const start of starts) {
      em.create(ParkingSession, {
        permit,
        plate: 'GB123K',
        start: new Date(start),
        end: new Date(new Date(start).getTime() + hour),
        reservation: 60,
        charge: status === 'ended' ? 60 : null,
        channel: 'web',
        status,
      });
    }
    await em.flush();
  }
  const delftAdminAt = async (now: string) => {
    api.now = new Date(now);
    return loggedIn(api.url, 'beheer@delft.demo.parkeer.nl');
  };
  const counted = (hours: HourCount[]) =>
    hours.filter((h) => h.count > 0).map((h) => `${h.hour}@${h.start}:${h.count}`);

  it('has 23 hours on the spring clock change, without 02:00', async () => {
    // Sunday 28 March 2027: 02:00 CET becomes 03:00 CEST (01:00 UTC).
    await sessionsAt('anna@demo.parkeer.nl', [
      '2027-03-27T22:59:00Z', // 23:59 the day before: not today
      '2027-03-27T23:00:00Z', // 00:00
      '2027-03-28T00:59:00Z', // 01:59 CET
      '2027-03-28T01:00:00Z', // 03:00 CEST, a minute later
      '2027-03-28T01:30:00Z', // 03:30 CEST
      '2027-03-28T21:59:00Z', // 23:59 CEST
      '2027-03-28T22:00:00Z', // the next day's 00:00
    ]);
    await sessionsAt('carla@demo.parkeer.nl', ['2027-03-28T01:10:00Z']); // Oudstad's
    const hours = await startsOf(await delftAdminAt('2027-03-28T21:59:30Z'));
    expect(hours).toHaveLength(23);
    expect(hours.map((h) => h.hour)).toEqual([
      0,
      1,
      ...Array.from({ length: 21 }, (_, i) => i + 3),
    ]);
    expect(hours[0]!.start).toBe('2027-03-27T23:00:00.000Z');
    expect(counted(hours)).toEqual([
      '0@2027-03-27T23:00:00.000Z:1',
      '1@2027-03-28T00:00:00.000Z:1',
      '3@2027-03-28T01:00:00.000Z:2',
      '23@2027-03-28T21:00:00.000Z:1',
    ]);
  });

  it('has 25 hours on the autumn clock change, 02:00 twice', async () => {
    // Sunday 31 October 2027: 03:00 CEST becomes 02:00 CET (01:00 UTC).
    await sessionsAt('anna@demo.parkeer.nl', [
      '2027-10-31T00:15:00Z', // 02:15 CEST
      '2027-10-31T00:45:00Z', // 02:45 CEST
      '2027-10-31T01:15:00Z', // 02:15 CET, the second time
      '2027-10-31T22:59:00Z', // 23:59 CET
    ]);
    const hours = await startsOf(await delftAdminAt('2027-10-31T22:59:30Z'));
    expect(hours).toHaveLength(25);
    expect(hours.map((h) => h.hour).slice(0, 5)).toEqual([0, 1, 2, 2, 3]);
    expect(hours.at(-1)!.hour).toBe(23);
    expect(counted(hours)).toEqual([
      '2@2027-10-31T00:00:00.000Z:2',
      '2@2027-10-31T01:00:00.000Z:1',
      '23@2027-10-31T22:00:00.000Z:1',
    ]);
  });

  it("counts only what started by now, not what was taken back, and only the admin's town", async () => {
    // Monday 29 November 2027, 12:30 in Amsterdam (CET, UTC+1).
    await sessionsAt('anna@demo.parkeer.nl', ['2027-11-29T08:05:00Z'], 'ended');
    await sessionsAt('bram@demo.parkeer.nl', ['2027-11-29T08:55:00Z'], 'running');
    await sessionsAt('anna@demo.parkeer.nl', ['2027-11-29T09:00:00Z'], 'deleted');
    await sessionsAt('anna@demo.parkeer.nl', ['2027-11-29T13:00:00Z'], 'planned'); // 14:00
    await sessionsAt('carla@demo.parkeer.nl', ['2027-11-29T08:10:00Z'], 'running');
    const delft = await startsOf(await delftAdminAt('2027-11-29T11:30:00Z'));
    expect(delft).toHaveLength(24);
    expect(counted(delft)).toEqual(['9@2027-11-29T08:00:00.000Z:2']);

    // Once the planned session's start has come, it counts.
    const later = await startsOf(await delftAdminAt('2027-11-29T13:00:00Z'));
    expect(counted(later)).toEqual([
      '9@2027-11-29T08:00:00.000Z:2',
      '14@2027-11-29T13:00:00.000Z:1',
    ]);
  });
});
