import { describe, expect, it } from 'vitest';
import {
  addressInRanges,
  pointInArea,
  validateZoneShape,
  wgs84ToRd,
  zoneOfAddress,
  type ShapedZone,
  type ZoneArea,
} from './zone-shape.js';

// A square of Delft's centre in RD metres with a hole (a square that is another zone's).
const centre: ZoneArea = {
  type: 'Polygon',
  coordinates: [
    [
      [84_000, 447_000],
      [85_000, 447_000],
      [85_000, 448_000],
      [84_000, 448_000],
      [84_000, 447_000],
    ],
    [
      [84_400, 447_400],
      [84_600, 447_400],
      [84_600, 447_600],
      [84_400, 447_600],
    ],
  ],
};
const hole: ZoneArea = {
  type: 'MultiPolygon',
  coordinates: [
    [
      [
        [84_400, 447_400],
        [84_600, 447_400],
        [84_600, 447_600],
        [84_400, 447_600],
      ],
    ],
    [
      [
        [90_000, 450_000],
        [91_000, 450_000],
        [90_500, 451_000],
      ],
    ],
  ],
};

describe('docs/rules.md §3: the zone an address lies in', () => {
  it('places a point inside a polygon, outside its hole, and on its border inside', () => {
    expect(pointInArea({ x: 84_100, y: 447_100 }, centre)).toBe(true);
    expect(pointInArea({ x: 84_500, y: 447_500 }, centre)).toBe(false);
    expect(pointInArea({ x: 85_000, y: 447_500 }, centre)).toBe(true);
    expect(pointInArea({ x: 85_001, y: 447_500 }, centre)).toBe(false);
    expect(pointInArea({ x: 84_500, y: 447_500 }, hole)).toBe(true);
    expect(pointInArea({ x: 90_500, y: 450_500 }, hole)).toBe(true);
    expect(pointInArea({ x: 90_050, y: 450_900 }, hole)).toBe(false);
  });

  it('matches postcode and house-number ranges, per side of the street', () => {
    const ranges = [
      {
        postcodeFrom: '2611AA',
        postcodeTo: '2611BZ',
        houseNumberFrom: 1,
        houseNumberTo: 99,
        parity: 'odd' as const,
      },
    ];
    expect(addressInRanges({ postcode: '2611BA', houseNumber: 1 }, ranges)).toBe(true);
    expect(addressInRanges({ postcode: '2611BA', houseNumber: 2 }, ranges)).toBe(false);
    expect(addressInRanges({ postcode: '2611CA', houseNumber: 1 }, ranges)).toBe(false);
    expect(addressInRanges({ postcode: '2611AA', houseNumber: 101 }, ranges)).toBe(false);
    const even = [{ ...ranges[0]!, parity: 'even' as const }];
    expect(addressInRanges({ postcode: '2611BA', houseNumber: 2 }, even)).toBe(true);
  });

  it('prefers a range over an area, and names no zone where two claim the address', () => {
    const zones: ShapedZone[] = [
      { code: 'B', shape: { ranges: [], area: centre } },
      { code: 'E', shape: { ranges: [], area: hole } },
      {
        code: 'H',
        shape: {
          ranges: [
            {
              postcodeFrom: '2611GX',
              postcodeTo: '2611GX',
              houseNumberFrom: 1,
              houseNumberTo: 9,
              parity: 'all',
            },
          ],
          area: null,
        },
      },
    ];
    const at = (x: number, y: number, postcode = '2611AA', houseNumber = 1) =>
      zoneOfAddress({ postcode, houseNumber, point: { x, y } }, zones);
    expect(at(84_100, 447_100)).toEqual({ kind: 'inZone', code: 'B', by: 'area' });
    expect(at(84_500, 447_500)).toEqual({ kind: 'inZone', code: 'E', by: 'area' });
    expect(at(84_100, 447_100, '2611GX', 5)).toEqual({ kind: 'inZone', code: 'H', by: 'range' });
    expect(at(0, 400_000)).toEqual({ kind: 'outside' });
    expect(zoneOfAddress({ postcode: '2611AA', houseNumber: 1, point: null }, zones)).toEqual({
      kind: 'outside',
    });
    const overlapping = [...zones, { code: 'X', shape: { ranges: [], area: centre } }];
    expect(
      zoneOfAddress(
        { postcode: '2611AA', houseNumber: 1, point: { x: 84_100, y: 447_100 } },
        overlapping,
      ),
    ).toEqual({ kind: 'ambiguous', codes: ['B', 'X'] });
  });

  it('lists every problem of a shape at once', () => {
    expect(
      validateZoneShape({
        ranges: [
          {
            postcodeFrom: '2611ZZ',
            postcodeTo: '2611aa',
            houseNumberFrom: 9,
            houseNumberTo: 1,
            parity: 'all',
          },
        ],
        area: {
          type: 'Polygon',
          coordinates: [
            [
              [4.35, 52.01],
              [4.36, 52.01],
              [4.36, 52.02],
            ],
            [[84_000, 447_000]],
          ],
        },
      }),
    ).toEqual([
      { code: 'ZONE_SHAPE_POSTCODE_INVALID', path: 'ranges[0].postcodeTo' },
      { code: 'ZONE_SHAPE_RANGE_REVERSED', path: 'ranges[0].houseNumberTo' },
      { code: 'ZONE_SHAPE_NOT_RD', path: 'area.coordinates[0]' },
      { code: 'ZONE_SHAPE_RING_TOO_SHORT', path: 'area.coordinates[1]' },
    ]);
    expect(validateZoneShape({ ranges: [], area: centre })).toEqual([]);
    expect(validateZoneShape({ ranges: [], area: hole })).toEqual([]);
  });

  it('converts GPS positions to RD within a metre (the Westertoren reference point)', () => {
    const amersfoort = wgs84ToRd(52.1551744, 5.38720621);
    expect(amersfoort).toEqual({ x: 155_000, y: 463_000 });
    const westertoren = wgs84ToRd(52.37453253, 4.88352559);
    expect(Math.abs(westertoren.x - 120_700.723)).toBeLessThan(1);
    expect(Math.abs(westertoren.y - 487_525.501)).toBeLessThan(1);
  });
});
