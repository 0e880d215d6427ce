import { beforeAll, describe, expect, it } from 'vitest';
import { Address } from '../src/model/address.entity.js';
import { AuditEntry } from '../src/model/audit-entry.entity.js';
import { Permit } from '../src/model/permit.entity.js';
import { Zone } from '../src/model/zone.entity.js';
import { useDemoApi } from './demo-api.js';
import type { TestClient } from './graphql-client.js';
import { loggedIn } from './login.js';
import { testDialects } from './test-databases.js';

const dialects = await testDialects();

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const setShape = `mutation ($zoneId: ID!, $shape: ZoneShapeInput!) {
  setZoneShape(zoneId: $zoneId, shape: $shape) { code addressCount movedAddresses
    affectedPermits { permitId productTypeCode addressLabel zoneCode } } }`;
const range = (postcodeFrom: string, postcodeTo: string) => ({
  postcodeFrom,
  postcodeTo,
  houseNumberFrom: 1,
  houseNumberTo: 99,
  parity: 'all',
});

describe.each(dialects)(
  're-zoning known addresses on %s (docs/rules.md §3 re-zoning)',
  (dialect) => {
    const api = useDemoApi(dialect);
    let admin: TestClient;
    let carla: TestClient;
    let centrumId: string;

    const zoneOf = async (key: string) =>
      (await api.em().findOneOrFail(Address, { key }, { populate: ['zone'] })).zone?.code ?? null;

    beforeAll(async () => {
      admin = await loggedIn(api.url, 'beheer@oudstad.demo.parkeer.nl');
      carla = await loggedIn(api.url, 'carla@demo.parkeer.nl');
      centrumId = (await api.em().findOneOrFail(Zone, { code: 'centrum' })).id;
    });

    it('moves no address whose zone the shapes did not give it (docs/rules.md §3 re-zoning)', async () => {
      // The demo's Oudstad addresses were given their zone, not placed by a shape.
      const result = await admin.request<Data>(setShape, {
        zoneId: centrumId,
        shape: { ranges: [range('9999AA', '9999AB')] },
      });
      expect(result.errors).toBeUndefined();
      expect(result.data!.setZoneShape).toMatchObject({ movedAddresses: 0, affectedPermits: [] });
      const denied = await carla.request<Data>(setShape, {
        zoneId: centrumId,
        shape: { ranges: [] },
      });
      expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });

    it('moves the known addresses the shape placed to where the new shape puts them, lists the permits there and audits it (docs/rules.md §3 re-zoning)', async () => {
      const result = await admin.request<Data>(setShape, {
        zoneId: centrumId,
        shape: { ranges: [range('9999AB', '9999AB')] },
      });
      expect(result.errors).toBeUndefined();
      const changed = result.data!.setZoneShape;
      expect(changed.movedAddresses).toBe(1);
      expect(await zoneOf('oudstad-markt-3')).toBeNull();
      expect(await zoneOf('oudstad-noord-1')).toBe('centrum');
      // Carla's permits at Markt 3 keep their zone and right until their term ends.
      expect(
        (changed.affectedPermits as Data[]).map((permit) => permit.productTypeCode).sort(),
      ).toEqual(['resident-permit', 'visitor-permit']);
      expect(changed.affectedPermits[0]).toMatchObject({
        addressLabel: 'Markt 3, Oudstad',
        zoneCode: 'centrum',
      });
      const permits = await api
        .em()
        .find(Permit, { addressKey: 'oudstad-markt-3', status: 'active' }, { populate: ['zone'] });
      expect(permits.map((permit) => permit.zone.code)).toEqual(['centrum', 'centrum']);
      const audits = await api.em().find(AuditEntry, { action: 'zone.addresses.rezone' });
      expect(audits).toHaveLength(1);
      expect(audits[0]!.after).toMatchObject({
        movedAddresses: 1,
        moves: [{ key: 'oudstad-markt-3', from: 'centrum', to: null }],
      });

      // Back: the address the shapes left out is placed again.
      const back = await admin.request<Data>(setShape, {
        zoneId: centrumId,
        shape: { ranges: [range('9999AA', '9999AB')] },
      });
      expect(back.data!.setZoneShape.movedAddresses).toBe(1);
      expect(await zoneOf('oudstad-markt-3')).toBe('centrum');
    });
  },
);
