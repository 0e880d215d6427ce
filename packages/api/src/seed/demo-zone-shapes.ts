import type { ZoneShape } from '@parkeer/domain/zone-shape/zone-shape';

/** A rectangle in RD metres, as a GeoJSON Polygon. */
const box = (minX: number, minY: number, maxX: number, maxY: number): ZoneShape['area'] => ({
  type: 'Polygon',
  coordinates: [
    [
      [minX, minY],
      [maxX, minY],
      [maxX, maxY],
      [minX, maxY],
      [minX, minY],
    ],
  ],
});

/**
 * Made-up shapes of the demo towns' zones (docs/rules.md §3), in RD coordinates around Delft's
 * centre: areas for most, address ranges for zone H (one street), none for Y and Z. The fake
 * address registry's points (src/registry-fakes/bag-fake.ts) lie inside them.
 */
export const demoZoneShapes: Readonly<Record<string, Readonly<Record<string, ZoneShape>>>> = {
  delft: {
    B: { ranges: [], area: box(84_000, 446_800, 85_000, 447_800) },
    C: { ranges: [], area: box(82_000, 446_000, 84_000, 446_800) },
    D: { ranges: [], area: box(85_000, 446_800, 86_000, 447_800) },
    E: { ranges: [], area: box(84_000, 447_800, 85_000, 448_800) },
    F: { ranges: [], area: box(85_000, 447_800, 86_000, 448_800) },
    H: {
      ranges: [
        {
          postcodeFrom: '2611GX',
          postcodeTo: '2611GX',
          houseNumberFrom: 1,
          houseNumberTo: 99,
          parity: 'all',
        },
      ],
      area: null,
    },
    TU: { ranges: [], area: box(85_000, 444_000, 87_000, 446_000) },
  },
  oudstad: {
    centrum: { ranges: [], area: box(200_000, 500_000, 201_000, 501_000) },
  },
};

/** The demo towns' municipality codes, the first four digits of their BAG identifiers. */
export const demoGemeentecodes: Readonly<Record<string, string>> = {
  delft: '0503',
  // Made up: no real town has it.
  oudstad: '9999',
};
