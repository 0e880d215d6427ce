import { describe, expect, it } from 'vitest';
import { rezonedAddress, type ShapedZone } from './zone-shape.js';

const range = (postcodeFrom: string, postcodeTo: string) => ({
  postcodeFrom,
  postcodeTo,
  houseNumberFrom: 1,
  houseNumberTo: 999,
  parity: 'all' as const,
});
const zones = (a: string, b: string): ShapedZone[] => [
  { code: 'A', shape: { ranges: [range(a, a)], area: null } },
  { code: 'B', shape: { ranges: [range(b, b)], area: null } },
];

describe('docs/rules.md §3 re-zoning', () => {
  const before = zones('2611AA', '2611BB');

  it('moves an address the shapes placed to the zone the new shapes give it', () => {
    const after = zones('2611AA', '2611CC');
    const address = { postcode: '2611BB', houseNumber: 3, point: null, zoneCode: 'B' };
    expect(rezonedAddress(address, before, after)).toEqual({ zoneCode: null });
    const newcomer = { postcode: '2611CC', houseNumber: 3, point: null, zoneCode: null };
    expect(rezonedAddress(newcomer, before, after)).toEqual({ zoneCode: 'B' });
  });

  it('leaves an address whose zone the shapes did not give it (named by an import or an official)', () => {
    const after = zones('2611AA', '2611CC');
    const named = { postcode: '2611BB', houseNumber: 3, point: null, zoneCode: 'A' };
    expect(rezonedAddress(named, before, after)).toBeUndefined();
  });

  it('leaves an address the change does not touch', () => {
    const after = zones('2611AA', '2611CC');
    const address = { postcode: '2611AA', houseNumber: 1, point: null, zoneCode: 'A' };
    expect(rezonedAddress(address, before, after)).toBeUndefined();
  });

  it('places in no zone an address two zones now claim', () => {
    const after = zones('2611AA', '2611AA');
    const address = { postcode: '2611AA', houseNumber: 1, point: null, zoneCode: 'A' };
    expect(rezonedAddress(address, before, after)).toEqual({ zoneCode: null });
  });
});
