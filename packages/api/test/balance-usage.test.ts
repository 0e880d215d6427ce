import { beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../src/graphql/viewer.js';
import { Account } from '../src/model/account.entity.js';
import { ParkingSession } from '../src/model/parking-session.entity.js';
import { SessionService } from '../src/modules/session/session.service.js';
import type { TestClient } from './graphql-client.js';
import { useDemoApi } from './demo-api.js';
import { loggedIn } from './login.js';
import { testDialects } from './test-databases.js';

/* docs/rules.md §4, §8: the resident's picture of how the balance was used this period. */

const dialects = await testDialects();
const minute = 60_000;
type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const usageQuery = `query ($permitId: ID!) { balanceUsage(permitId: $permitId) {
  unit periodStart nextPeriodStart used
  months { month used sessions }
  plates { plate formattedPlate country used sessions } } }`;

describe.each(dialects)('balance usage on %s', (dialect) => {
  // Monday 23 November 2026, 10:00 in Amsterdam: paid hours in Delft.
  const api = useDemoApi(dialect);
  let anna: TestClient;
  let annaPermit: string;
  let annaViewer: Viewer;

  beforeAll(async () => {
    anna = await loggedIn(api.url, 'anna@demo.parkeer.nl');
    annaPermit = await api.permitOf('anna@demo.parkeer.nl');
    const account = await api.em().findOneOrFail(Account, { email: 'anna@demo.parkeer.nl' });
    annaViewer = {
      accountId: account.id,
      holderAccountId: account.id,
      role: 'resident',
      municipalityId: null,
      language: 'nl',
      authSessionId: 'test',
      via: 'cookie',
      signIn: { method: 'password', assurance: null },
      actingFor: null,
      permitOnly: null,
      scopes: null,
    };
  });

  /** Parks `minutes` for `plate` from `start`, stopped at its end by the scheduled settlement. */
  const park = async (plate: string, start: Date, minutes: number, country = 'NL') => {
    const outcome = await new SessionService(api.em(), annaViewer, start).start({
      permitId: annaPermit,
      plate,
      country,
      end: new Date(start.getTime() + minutes * minute),
      channel: 'web',
    });
    if (!outcome.ok) throw new Error(outcome.decision.reason);
    const stopAt = new Date(start.getTime() + minutes * minute);
    const { session } = await new SessionService(api.em(), annaViewer, stopAt).stop(
      outcome.session.id,
    );
    return session;
  };

  it('shows the year per month and per plate, counting what the settled sessions were charged', async () => {
    const first = await park('GB123K', api.now, 30);
    const second = await park('GB123K', new Date(api.now.getTime() + 60 * minute), 45);
    const german = await park('B AB 123', new Date(api.now.getTime() + 120 * minute), 20, 'DE');
    const charged = await api
      .em()
      .find(ParkingSession, { id: { $in: [first.id, second.id, german.id] } });
    const chargeOf = (id: string) => charged.find((s) => s.id === id)!.charge!;
    expect(chargeOf(first.id)).toBeGreaterThan(0);

    const { data, errors } = await anna.request<Data>(usageQuery, { permitId: annaPermit });
    expect(errors).toBeUndefined();
    const usage = data!.balanceUsage;
    expect(usage).toMatchObject({
      unit: 'minutes',
      periodStart: '2026-01-01',
      nextPeriodStart: '2027-01-01',
    });
    expect(usage.months).toHaveLength(12);
    const november = usage.months.find((m: Data) => m.month === '2026-11-01');
    const total = chargeOf(first.id) + chargeOf(second.id) + chargeOf(german.id);
    expect(november).toEqual({ month: '2026-11-01', used: total, sessions: 3 });
    expect(usage.used).toBe(total);
    expect(usage.months.reduce((sum: number, m: Data) => sum + m.used, 0)).toBe(total);
    const plates = Object.fromEntries(usage.plates.map((p: Data) => [p.plate, p]));
    expect(plates.GB123K).toMatchObject({
      used: chargeOf(first.id) + chargeOf(second.id),
      sessions: 2,
      country: 'NL',
    });
    expect(Object.keys(plates)).toHaveLength(2);
  });

  it('answers NOT_FOUND for a product of someone else, and says when a product has no balance', async () => {
    const bram = await loggedIn(api.url, 'bram@demo.parkeer.nl');
    const foreign = await bram.request<Data>(usageQuery, { permitId: annaPermit });
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const carla = await loggedIn(api.url, 'carla@demo.parkeer.nl');
    const residentPermit = await api.permitOf('carla@demo.parkeer.nl', 'resident-permit');
    const none = await carla.request<Data>(usageQuery, { permitId: residentPermit });
    expect(none.errors?.[0]?.extensions?.code).toBe('PRODUCT_HAS_NO_BALANCE');
  });
});
