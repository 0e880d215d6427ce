import { randomUUID } from 'node:crypto';
import type { Client } from 'graphql-ws';
import { afterAll, describe, expect, it } from 'vitest';
import { Topic } from '../src/graphql/pubsub.js';
import { Account } from '../src/modules/account/account.entity.js';
import { Permit } from '../src/modules/permit/permit.entity.js';
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

    // The query agrees with the last event.
    const after = (await delftAdmin.request<Data>(occupancy)).data!.zoneOccupancy;
    expect(after.find((zone: { zoneCode: string }) => zone.zoneCode === annasZone).running).toBe(1);

    // A session past its end no longer counts, even before anything settled it.
    api.now = new Date(api.now.getTime() + 61 * minute);
    const later = (await delftAdmin.request<Data>(occupancy)).data!.zoneOccupancy;
    expect(later.every((zone: { running: number }) => zone.running === 0)).toBe(true);
  });
});
