import type { EntityManager } from '@mikro-orm/core';
import {
  rezonedAddress,
  validateZoneShape,
  type ShapedZone,
  type ZoneArea,
  type ZoneShape,
} from '@parkeer/domain/zone-shape/zone-shape';
import { AppError, refuseProblems } from '../../graphql/app-error.js';
import { isUuid } from '../../db/uuid.js';
import { Address } from '../../model/address.entity.js';
import { Permit } from '../../model/permit.entity.js';
import { Zone } from '../../model/zone.entity.js';
import { adminTown, requireOwnTown, type Actor } from '../admin/admin-scope.js';
import { recordChange } from '../audit/audit-log.js';
import type { ZoneShapeInput } from './zone-shape.types.js';

/** The most corners an area may have in all: a town's zone, not a coastline. */
const maxPositions = 10_000;
const maxRanges = 500;

/** What a shape change did to the addresses already known (docs/rules.md §3 re-zoning). */
export interface Rezoning {
  /** Known addresses that now lie in another zone, or in none. */
  readonly movedAddresses: number;
  /** Permits at those addresses that still give a right: they keep it until their term ends. */
  readonly affectedPermits: readonly Permit[];
}

export interface ZoneShapeView {
  readonly zone: Zone;
  readonly addressCount: number;
  /** Set by a change only. */
  readonly rezoning?: Rezoning;
}

/** The shaped zones of a town, each with the shape `shapeOf` gives it. */
const shapedZones = (
  zones: readonly Zone[],
  shapeOf: (zone: Zone) => ZoneShape | null,
): ShapedZone[] =>
  zones.flatMap((zone) => {
    const shape = shapeOf(zone);
    return shape ? [{ code: zone.code, shape }] : [];
  });

/** A zone's shape as the back office sets it (docs/rules.md §3). */
export class ZoneShapeService {
  constructor(
    private readonly em: EntityManager,
    private readonly actor: Actor,
  ) {}

  async list(): Promise<{ zone: Zone; addressCount: number }[]> {
    const town = adminTown(this.actor);
    const zones = await this.em.find(Zone, { municipality: town }, { orderBy: { code: 'asc' } });
    return Promise.all(
      zones.map(async (zone) => ({
        zone,
        addressCount: await this.em.count(Address, { zone: zone.id }),
      })),
    );
  }

  async set(zoneId: string, input: ZoneShapeInput): Promise<ZoneShapeView> {
    const zone = isUuid(zoneId) ? await this.em.findOne(Zone, { id: zoneId }) : null;
    requireOwnTown(this.actor, zone?.municipality.id);
    if (input.ranges.length > maxRanges) {
      throw new AppError('SETTING_TOO_LONG', { max: maxRanges });
    }
    const shape: ZoneShape = {
      ranges: input.ranges.map((range) => ({
        postcodeFrom: range.postcodeFrom.replace(/\s+/g, '').toUpperCase(),
        postcodeTo: range.postcodeTo.replace(/\s+/g, '').toUpperCase(),
        houseNumberFrom: range.houseNumberFrom,
        houseNumberTo: range.houseNumberTo,
        parity: range.parity ?? 'all',
      })),
      area: areaOf(input.area),
    };
    refuseProblems(
      validateZoneShape(shape).map((problem) => ({ code: problem.code, path: problem.path })),
    );
    const stored = shape.ranges.length === 0 && shape.area === null ? null : shape;
    const before = zone!.shape;
    zone!.shape = stored;
    recordChange(this.em, this.actor, {
      action: 'zone.shape.set',
      subjectType: 'zone',
      subjectId: zone!.id,
      subjectLabel: zone!.code,
      municipalityId: zone!.municipality.id,
      before,
      after: stored,
    });
    const rezoning = await this.rezone(zone!, before);
    await this.em.flush();
    return {
      zone: zone!,
      addressCount: await this.em.count(Address, { zone: zone!.id }),
      rezoning,
    };
  }

  /**
   * docs/rules.md §3 re-zoning: the town's known addresses that the shapes placed follow the
   * change, in the change's unit of work, audited as one entry. Permits keep their zone (and
   * their right) until their term ends; the admin gets the list of those at moved addresses.
   */
  private async rezone(zone: Zone, shapeBefore: ZoneShape | null): Promise<Rezoning> {
    const townId = zone.municipality.id;
    const zones = await this.em.find(Zone, { municipality: townId });
    const byCode = new Map(zones.map((each) => [each.code, each]));
    const before = shapedZones(zones, (each) => (each.id === zone.id ? shapeBefore : each.shape));
    const after = shapedZones(zones, (each) => each.shape);
    const addresses = await this.em.find(Address, { municipality: townId });
    const moves: { address: Address; from: string | null; to: string | null }[] = [];
    for (const address of addresses) {
      const from = address.zone ? (byCode.get(address.zone.code)?.code ?? null) : null;
      const point =
        address.pointX !== null && address.pointY !== null
          ? { x: address.pointX, y: address.pointY }
          : null;
      const moved = rezonedAddress(
        { postcode: address.postcode, houseNumber: address.houseNumber, point, zoneCode: from },
        before,
        after,
      );
      if (!moved) continue;
      address.zone = moved.zoneCode ? byCode.get(moved.zoneCode)! : null;
      moves.push({ address, from, to: moved.zoneCode });
    }
    if (moves.length === 0) return { movedAddresses: 0, affectedPermits: [] };
    const now = this.actor.now;
    const affectedPermits = await this.em.find(
      Permit,
      {
        municipality: townId,
        addressKey: { $in: moves.map((move) => move.address.key) },
        status: { $in: ['active', 'blocked'] },
        $or: [{ validUntil: null }, { validUntil: { $gt: now } }],
      },
      { populate: ['zone', 'productType'], orderBy: { addressKey: 'asc', createdAt: 'asc' } },
    );
    recordChange(this.em, this.actor, {
      action: 'zone.addresses.rezone',
      subjectType: 'zone',
      subjectId: zone.id,
      subjectLabel: zone.code,
      municipalityId: townId,
      before: null,
      after: {
        movedAddresses: moves.length,
        moves: moves.map((move) => ({ key: move.address.key, from: move.from, to: move.to })),
        affectedPermitIds: affectedPermits.map((permit) => permit.id),
      },
    });
    return { movedAddresses: moves.length, affectedPermits };
  }
}

/** The GeoJSON text an admin pasted: a Polygon or MultiPolygon, or a Feature holding one. */
function areaOf(text: string | null | undefined): ZoneArea | null {
  if (!text || text.trim() === '') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    refuseProblems([{ code: 'ZONE_SHAPE_AREA_UNREADABLE', path: 'area' }]);
  }
  const geometry =
    (parsed as { type?: unknown }).type === 'Feature'
      ? (parsed as { geometry?: unknown }).geometry
      : parsed;
  const area = geometry as { type?: unknown; coordinates?: unknown } | null;
  if (!area || typeof area !== 'object' || !Array.isArray(area.coordinates)) {
    refuseProblems([{ code: 'ZONE_SHAPE_AREA_UNREADABLE', path: 'area' }]);
  }
  if (area!.type !== 'Polygon' && area!.type !== 'MultiPolygon') {
    refuseProblems([{ code: 'ZONE_SHAPE_AREA_TYPE', path: 'area.type' }]);
  }
  if (JSON.stringify(area!.coordinates).split('[').length > maxPositions * 2) {
    refuseProblems([{ code: 'ZONE_SHAPE_AREA_UNREADABLE', path: 'area' }]);
  }
  return { type: area!.type, coordinates: area!.coordinates } as ZoneArea;
}
