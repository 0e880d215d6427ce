import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useDemoApi } from './demo-api.js';
import type { TestClient } from './graphql-client.js';
import { loggedIn } from './login.js';
import { testDialects } from './test-databases.js';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const minute = 60_000;
const today = '{ zoneOccupancyToday { zoneCode hours { hour start sessions } } }';
const start = `mutation ($input: StartSessionInput!) { startSession(input: $input) {
  __typename ... on SessionAccepted { session { id } } } }`;
const stop = 'mutation ($id: ID!) { stopSession(sessionId: $id) { id } }';

interface ZoneDay {
  zoneCode: string;
  hours: { hour: number; start: string; sessions: number | null }[];
}

const dialects = await testDialects();

describe.each(dialects)("each zone's sessions per hour of today, on %s", (dialect) => {
  const api = useDemoApi(dialect);
  const dayOf = async (admin: TestClient, zone: string) => {
    const result = await admin.request<Data>(today);
    expect(result.errors).toBeUndefined();
    return (result.data!.zoneOccupancyToday as ZoneDay[]).find((day) => day.zoneCode === zone)!;
  };
  /** The count of the zone's hour that starts at `hour` local time. */
  const at = (day: ZoneDay, hour: number) => day.hours.find((h) => h.hour === hour)!.sessions;
  const startFor = async (email: string, minutes: number) => {
    const resident = await loggedIn(api.url, email);
    const result = await resident.request<Data>(start, {
      input: {
        productId: await api.permitOf(email),
        plate: 'ZO-123-D',
        end: new Date(api.now.getTime() + minutes * minute).toISOString(),
        idempotencyKey: randomUUID(),
      },
    });
    expect(result.data?.startSession.__typename).toBe('SessionAccepted');
    return { resident, id: result.data!.startSession.session.id as string };
  };

  it('counts a session in every hour it ran in, up to now; later hours have no count yet', async () => {
    const delft = await loggedIn(api.url, 'beheer@delft.demo.parkeer.nl');
    const localHour = Number(
      new Intl.DateTimeFormat('en-GB', {
        hour: '2-digit',
        hourCycle: 'h23',
        timeZone: 'Europe/Amsterdam',
      }).format(api.now),
    );
    const before = await dayOf(delft, 'B');
    expect(before.hours).toHaveLength(24);
    const base = at(before, localHour)!;
    expect(at(before, localHour + 1)).toBeNull();

    // Anna parks in zone B for an hour from now.
    await startFor('anna@demo.parkeer.nl', 60);
    expect(at(await dayOf(delft, 'B'), localHour)).toBe(base + 1);

    // Two hours on: it ran in this hour only (it ended on the next hour's first instant).
    api.now = new Date(api.now.getTime() + 120 * minute);
    const later = await dayOf(delft, 'B');
    expect(at(later, localHour)).toBe(base + 1);
    expect(at(later, localHour + 1)).toBe(0);
    expect(at(later, localHour + 2)).toBe(0);

    // Bram parks in zone C for two hours and stops after 30 minutes: the next hour has none.
    const { resident, id } = await startFor('bram@demo.parkeer.nl', 120);
    api.now = new Date(api.now.getTime() + 30 * minute);
    expect((await resident.request(stop, { id })).errors).toBeUndefined();
    api.now = new Date(api.now.getTime() + 90 * minute);
    const zoneC = await dayOf(delft, 'C');
    expect(at(zoneC, localHour + 2)).toBe(1);
    expect(at(zoneC, localHour + 3)).toBe(0);

    // Another town's admin sees its own zones only.
    const oudstad = await loggedIn(api.url, 'beheer@oudstad.demo.parkeer.nl');
    const theirs = (await oudstad.request<Data>(today)).data!.zoneOccupancyToday as ZoneDay[];
    expect(theirs.map((day) => day.zoneCode)).toEqual(['centrum']);
  });
});
