import type { ErrorCode } from '@parkeer/shared/messages/error-catalogue';

/**
 * A point in the Dutch national grid (Rijksdriehoeksstelsel, EPSG:28992), in metres: what the
 * address registry (BAG) gives for an address. Zone areas use the same grid, so a point and an
 * area are always compared in one coordinate system (docs/rules.md §3).
 */
export interface RdPoint {
  readonly x: number;
  readonly y: number;
}

/** A ring of `[x, y]` positions, closed or not; GeoJSON's linear ring in RD coordinates. */
export type Ring = readonly (readonly number[])[];

/** A GeoJSON Polygon or MultiPolygon in RD coordinates: the first ring outside, the rest holes. */
export type ZoneArea =
  | { readonly type: 'Polygon'; readonly coordinates: readonly Ring[] }
  | { readonly type: 'MultiPolygon'; readonly coordinates: readonly (readonly Ring[])[] };

/** Which house numbers of a range count: all, or one side of the street. */
export type RangeParity = 'all' | 'odd' | 'even';

/**
 * Addresses from one postcode to another (inclusive, in the registry's order: '2611AA' before
 * '2611AB' before '2612AA') with house numbers in a range, as towns' leaflets list their zones.
 */
export interface AddressRange {
  readonly postcodeFrom: string;
  readonly postcodeTo: string;
  readonly houseNumberFrom: number;
  readonly houseNumberTo: number;
  readonly parity: RangeParity;
}

/** Where a zone lies: address ranges, an area, or both (a range names addresses exactly). */
export interface ZoneShape {
  readonly ranges: readonly AddressRange[];
  readonly area: ZoneArea | null;
}

export const emptyZoneShape: ZoneShape = { ranges: [], area: null };

/** An address as the zone question needs it. */
export interface PlacedAddress {
  readonly postcode: string;
  readonly houseNumber: number;
  /** Its point in RD; null when not known (then only ranges can place it). */
  readonly point: RdPoint | null;
}

export interface ShapedZone {
  readonly code: string;
  readonly shape: ZoneShape;
}

/** The zone an address lies in, and how that was found. */
export type ZonePlacement =
  | { readonly kind: 'inZone'; readonly code: string; readonly by: 'range' | 'area' }
  | { readonly kind: 'ambiguous'; readonly codes: readonly string[] }
  | { readonly kind: 'outside' };

/** Even-odd rule over one polygon's rings, so holes are outside. A point on an edge is inside. */
function inPolygon(point: RdPoint, rings: readonly Ring[]): boolean {
  let inside = false;
  for (const ring of rings) {
    const count = ring.length;
    for (let i = 0, j = count - 1; i < count; j = i++) {
      const [xi = 0, yi = 0] = ring[i]!;
      const [xj = 0, yj = 0] = ring[j]!;
      if (onSegment(point, xi, yi, xj, yj)) return true;
      if (yi > point.y !== yj > point.y) {
        const crossing = ((xj - xi) * (point.y - yi)) / (yj - yi) + xi;
        if (point.x < crossing) inside = !inside;
      }
    }
  }
  return inside;
}

function onSegment(point: RdPoint, x1: number, y1: number, x2: number, y2: number): boolean {
  const cross = (point.x - x1) * (y2 - y1) - (point.y - y1) * (x2 - x1);
  if (Math.abs(cross) > 1e-9) return false;
  return (
    point.x >= Math.min(x1, x2) &&
    point.x <= Math.max(x1, x2) &&
    point.y >= Math.min(y1, y2) &&
    point.y <= Math.max(y1, y2)
  );
}

/** docs/rules.md §3: whether a point lies in a zone's area (a point on its border does). */
export function pointInArea(point: RdPoint, area: ZoneArea): boolean {
  if (area.type === 'Polygon') return inPolygon(point, area.coordinates);
  return area.coordinates.some((polygon) => inPolygon(point, polygon));
}

/** docs/rules.md §3: whether an address lies in one of the ranges. */
export function addressInRanges(
  address: Pick<PlacedAddress, 'postcode' | 'houseNumber'>,
  ranges: readonly AddressRange[],
): boolean {
  return ranges.some(
    (range) =>
      address.postcode >= range.postcodeFrom &&
      address.postcode <= range.postcodeTo &&
      address.houseNumber >= range.houseNumberFrom &&
      address.houseNumber <= range.houseNumberTo &&
      (range.parity === 'all' || (address.houseNumber % 2 === 1) === (range.parity === 'odd')),
  );
}

/**
 * docs/rules.md §3: the zone an address lies in. Ranges name addresses exactly, so a range's
 * zone wins over an area's; within the same kind, two zones that both claim the address are
 * ambiguous and none is chosen (an official sets the address's zone), never a guess.
 */
export function zoneOfAddress(address: PlacedAddress, zones: readonly ShapedZone[]): ZonePlacement {
  const byRange = zones.filter((zone) => addressInRanges(address, zone.shape.ranges));
  if (byRange.length === 1) return { kind: 'inZone', code: byRange[0]!.code, by: 'range' };
  if (byRange.length > 1) return { kind: 'ambiguous', codes: byRange.map((zone) => zone.code) };
  const point = address.point;
  if (!point) return { kind: 'outside' };
  const byArea = zones.filter((zone) => zone.shape.area && pointInArea(point, zone.shape.area));
  if (byArea.length === 1) return { kind: 'inZone', code: byArea[0]!.code, by: 'area' };
  if (byArea.length > 1) return { kind: 'ambiguous', codes: byArea.map((zone) => zone.code) };
  return { kind: 'outside' };
}

export interface ZoneShapeProblem {
  readonly code: Extract<ErrorCode, `ZONE_SHAPE_${string}`>;
  /** Where: `ranges[1].postcodeTo`, `area.coordinates[0]`. */
  readonly path: string;
}

const postcodePattern = /^[1-9]\d{3}[A-Z]{2}$/;
/** The RD grid's extent around the Netherlands, with a margin: anything else is a typo or WGS84. */
const rdBounds = { minX: -7_000, maxX: 300_000, minY: 289_000, maxY: 629_000 };

function ringProblems(ring: Ring, path: string): ZoneShapeProblem[] {
  if (!Array.isArray(ring) || ring.length < 3) {
    return [{ code: 'ZONE_SHAPE_RING_TOO_SHORT', path }];
  }
  const outside = ring.some(
    (position) =>
      !Array.isArray(position) ||
      position.length < 2 ||
      !position.slice(0, 2).every((value) => typeof value === 'number' && Number.isFinite(value)) ||
      position[0]! < rdBounds.minX ||
      position[0]! > rdBounds.maxX ||
      position[1]! < rdBounds.minY ||
      position[1]! > rdBounds.maxY,
  );
  return outside ? [{ code: 'ZONE_SHAPE_NOT_RD', path }] : [];
}

/** Every problem of a shape an admin entered, at once (docs/rules.md §3). */
export function validateZoneShape(shape: ZoneShape): ZoneShapeProblem[] {
  const problems: ZoneShapeProblem[] = [];
  shape.ranges.forEach((range, index) => {
    const at = `ranges[${index}]`;
    for (const key of ['postcodeFrom', 'postcodeTo'] as const) {
      if (!postcodePattern.test(range[key])) {
        problems.push({ code: 'ZONE_SHAPE_POSTCODE_INVALID', path: `${at}.${key}` });
      }
    }
    if (range.postcodeFrom > range.postcodeTo) {
      problems.push({ code: 'ZONE_SHAPE_RANGE_REVERSED', path: `${at}.postcodeTo` });
    }
    const numbers = [range.houseNumberFrom, range.houseNumberTo];
    if (!numbers.every((n) => Number.isSafeInteger(n) && n >= 1 && n <= 99_999)) {
      problems.push({ code: 'ZONE_SHAPE_HOUSE_NUMBER_INVALID', path: `${at}.houseNumberFrom` });
    } else if (range.houseNumberFrom > range.houseNumberTo) {
      problems.push({ code: 'ZONE_SHAPE_RANGE_REVERSED', path: `${at}.houseNumberTo` });
    }
  });
  const area = shape.area;
  if (area) {
    if (area.type === 'Polygon') {
      if (!Array.isArray(area.coordinates) || area.coordinates.length === 0) {
        problems.push({ code: 'ZONE_SHAPE_RING_TOO_SHORT', path: 'area.coordinates' });
      } else {
        area.coordinates.forEach((ring, i) =>
          problems.push(...ringProblems(ring, `area.coordinates[${i}]`)),
        );
      }
    } else if (area.type === 'MultiPolygon') {
      if (!Array.isArray(area.coordinates) || area.coordinates.length === 0) {
        problems.push({ code: 'ZONE_SHAPE_RING_TOO_SHORT', path: 'area.coordinates' });
      } else {
        area.coordinates.forEach((polygon, p) => {
          if (!Array.isArray(polygon) || polygon.length === 0) {
            problems.push({ code: 'ZONE_SHAPE_RING_TOO_SHORT', path: `area.coordinates[${p}]` });
            return;
          }
          polygon.forEach((ring, i) =>
            problems.push(...ringProblems(ring, `area.coordinates[${p}][${i}]`)),
          );
        });
      }
    } else {
      problems.push({ code: 'ZONE_SHAPE_AREA_TYPE', path: 'area.type' });
    }
  }
  return problems;
}

/**
 * A WGS84 position (GPS latitude and longitude) in RD, by the published approximation of the
 * RD grid's keepers (a polynomial around Amersfoort, within a metre or so in the Netherlands):
 * enough to place an address in a zone, not for surveying.
 */
export function wgs84ToRd(latitude: number, longitude: number): RdPoint {
  const dPhi = 0.36 * (latitude - 52.1551744);
  const dLambda = 0.36 * (longitude - 5.38720621);
  const x =
    155_000 +
    190_094.945 * dLambda +
    -11_832.228 * dPhi * dLambda +
    -114.221 * dPhi ** 2 * dLambda +
    -32.391 * dLambda ** 3 +
    -0.705 * dPhi +
    -2.34 * dPhi ** 3 * dLambda +
    -0.608 * dPhi * dLambda ** 3 +
    -0.008 * dLambda ** 2 +
    0.148 * dPhi ** 2 * dLambda ** 3;
  const y =
    463_000 +
    309_056.544 * dPhi +
    3_638.893 * dLambda ** 2 +
    73.077 * dPhi ** 2 +
    -157.984 * dPhi * dLambda ** 2 +
    59.788 * dPhi ** 3 +
    0.433 * dLambda +
    -6.439 * dPhi ** 2 * dLambda ** 2 +
    -0.032 * dPhi * dLambda +
    0.092 * dLambda ** 4 +
    -0.054 * dPhi * dLambda ** 4;
  return { x: Math.round(x * 1000) / 1000, y: Math.round(y * 1000) / 1000 };
}

/** The zone a placement gives an address: its code, or null (outside, or claimed twice). */
const placedCode = (placement: ZonePlacement): string | null =>
  placement.kind === 'inZone' ? placement.code : null;

/**
 * docs/rules.md §3 re-zoning: where a known address goes when one zone's shape changes. An
 * address follows the shapes only when its zone is the one the shapes gave it before the change
 * (so a zone an import named, or an official set, stays); then it takes the zone the new shapes
 * give it, or none. `undefined`: it stays where it is.
 */
export function rezonedAddress(
  address: PlacedAddress & { readonly zoneCode: string | null },
  before: readonly ShapedZone[],
  after: readonly ShapedZone[],
): { readonly zoneCode: string | null } | undefined {
  const was = placedCode(zoneOfAddress(address, before));
  if (address.zoneCode !== was) return undefined;
  const now = placedCode(zoneOfAddress(address, after));
  return now === was ? undefined : { zoneCode: now };
}
