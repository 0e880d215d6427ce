import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { parsePlate } from '@parkeer/domain/plate/plate';
import { pointInArea, wgs84ToRd } from '@parkeer/domain/zone-shape/zone-shape';
import type { ZoneShape } from '@parkeer/domain/zone-shape/zone-shape';
import type { ErrorCode, MessageParams } from '@parkeer/shared/messages/error-catalogue';
import { AppError } from '../../graphql/app-error.js';
import type { Viewer } from '../../graphql/viewer.js';
import { rightKinds, strongestRight, type FoundRight, type RightKind } from './right-choice.js';
import { Zone } from '../../model/zone.entity.js';
import { rightCheckLogWriter } from './right-check-log-writer.js';
import { enforcementTowns } from './enforcement-towns.js';
import { outageSql, rightsParams, rightsSql, townZonesSql, zoneIdSql } from './right-check.sql.js';
import { cachedTownZones, cachedZone, type CachedZone, type ShapedTownZone } from './zone-cache.js';

export interface RightCheckQuestion {
  readonly plate: string;
  readonly country?: string | null;
  readonly municipality: string;
  /** The zone's code; or else the device's position, where the town's zones have areas. */
  readonly zone?: string | null;
  readonly latitude?: number | null;
  readonly longitude?: number | null;
  /** The moment asked about; default: the moment of the check. */
  readonly at?: Date | null;
}

export interface RightCheckAnswer {
  readonly valid: boolean;
  readonly kind: RightKind | null;
  readonly validUntil: Date | null;
  readonly checkedAt: Date;
  /** As the officer should read it: formatted, Dutch plates with dashes. */
  readonly plate: string;
  /** The zone checked (found from the position when no code was given). */
  readonly zone: string;
  /** The log row of this check: a fine is recorded against it. */
  readonly checkId: string;
  /** An outage window of the zone that covers the moment: no session could be registered. */
  readonly outage: { readonly start: Date; readonly end: Date } | null;
  /** Only when no right is registered and no outage covers the moment. */
  readonly mayFine: boolean;
}

/** One item of a batch the rules refused: the rest of the batch is answered all the same. */
export interface RightCheckRefusal {
  readonly refused: true;
  readonly index: number;
  readonly code: ErrorCode;
  readonly params: MessageParams;
}

/** A scan car sends at most this many plates per request (docs/rules.md §9). */
export const maxBatchChecks = 100;

interface OutageRow {
  window_start: Date | string | number;
  window_end: Date | string | number;
}

interface RightRow {
  kind: string;
  until: Date | string | number | null;
}

const hourMs = 60 * 60_000;
/** How far from now a check may look: back over a shift, ahead only for clock differences. */
export const checkWindow = { pastMs: 12 * hourMs, aheadMs: 5 * 60_000 };

const isRightKind = (kind: string): kind is RightKind => rightKinds.includes(kind as RightKind);

/**
 * The enforcement right-check (docs/rules.md §9): is a right registered for this plate, in this zone, at
 * this moment? Only in the officer's own towns. Answers without personal data and logs every
 * check without the plate.
 */
export class EnforcementService {
  constructor(private readonly em: EntityManager) {}

  async checkRight(
    viewer: Viewer,
    question: RightCheckQuestion,
    now: Date,
  ): Promise<RightCheckAnswer> {
    const parsed = parsePlate(question.plate, question.country ?? undefined);
    if (!parsed.ok) throw new AppError(parsed.reason, parsed.params);
    const { plate } = parsed;
    const at = question.at ?? now;
    // A check is about now, or a moment of the shift just past (the fine being written); older
    // moments would let plates be traced through time.
    if (
      at.getTime() < now.getTime() - checkWindow.pastMs ||
      at.getTime() > now.getTime() + checkWindow.aheadMs
    ) {
      throw new AppError('RIGHT_CHECK_TIME_OUT_OF_RANGE', { hours: checkWindow.pastMs / hourMs });
    }

    const municipalityCode = question.municipality.trim();
    const zone = await this.place(municipalityCode, question);
    // An officer checks only the towns it works for. Another town's zone is refused outright,
    // never answered 'not valid': a scan car would fine every car parked there rightfully.
    const towns = await enforcementTowns(this.em, viewer.accountId);
    if (!towns.has(zone.municipalityId)) {
      throw new AppError('ENFORCEMENT_TOWN_NOT_ASSIGNED', { municipality: municipalityCode });
    }
    const { zoneId } = zone;
    const platform = this.em.getPlatform();
    // Raw SQL takes dates as the dialect stores them (SQLite: epoch milliseconds).
    const storedAt = platform.processDateProperty(at);
    const connection = this.em.getConnection();
    const [rows, outages] = (await Promise.all([
      connection.execute(
        rightsSql,
        rightsParams(plate.normalised, plate.country, zoneId, storedAt),
      ),
      connection.execute(outageSql, [zoneId, storedAt, storedAt]),
    ])) as [RightRow[], OutageRow[]];
    const right = strongestRight(
      rows.flatMap(({ kind, until }): FoundRight[] =>
        isRightKind(kind) ? [{ kind, until: until === null ? null : new Date(until) }] : [],
      ),
    );

    // Logged without the plate: the log proves that checks happen, not who was checked. The
    // answer waits for the row's commit (group commit): no answered check goes unlogged.
    const storedNow = platform.processDateProperty(now);
    const checkId = randomUUID();
    await rightCheckLogWriter(this.em).add([
      checkId,
      viewer.accountId,
      storedNow,
      storedAt,
      zoneId,
      right !== null,
      right?.kind ?? null,
      storedNow,
    ]);

    const [outage] = outages;
    return {
      valid: right !== null,
      kind: right?.kind ?? null,
      validUntil: right?.until ?? null,
      checkedAt: now,
      plate: plate.display,
      zone: zone.code,
      checkId,
      outage: outage
        ? { start: new Date(outage.window_start), end: new Date(outage.window_end) }
        : null,
      // docs/rules.md §9 outages: a visitor who could not sign on is not fined.
      mayFine: right === null && !outage,
    };
  }

  /**
   * A scan car's batch (docs/rules.md §9): each item answered exactly as `checkRight` answers it,
   * and logged as it is; an item the rules refuse (a malformed plate, another town, an unknown
   * zone) is a refusal in its place, and the others are answered all the same.
   */
  async checkRights(
    viewer: Viewer,
    questions: readonly RightCheckQuestion[],
    now: Date,
  ): Promise<(RightCheckAnswer | RightCheckRefusal)[]> {
    if (questions.length > maxBatchChecks) {
      throw new AppError('RIGHT_CHECK_BATCH_TOO_LARGE', { max: maxBatchChecks });
    }
    // At once, not one after the other: the log writer then stores the rows in one INSERT.
    return Promise.all(
      questions.map((question, index) =>
        this.checkRight(viewer, question, now).catch((error: unknown) => {
          // Anything else (the log could not be written) fails the batch: no unlogged answers.
          if (!(error instanceof AppError)) throw error;
          return { refused: true as const, index, code: error.code, params: error.params };
        }),
      ),
    );
  }

  /** The officer's towns and their zones, by name (the officer's screen picks from them). */
  async places(viewer: Viewer): Promise<
    {
      code: string;
      name: string;
      zones: { code: string; name: string; hasArea: boolean }[];
    }[]
  > {
    const towns = await enforcementTowns(this.em, viewer.accountId);
    if (towns.size === 0) return [];
    const zones = await this.em.find(
      Zone,
      { municipality: { id: { $in: [...towns] } } },
      { populate: ['municipality'], orderBy: { municipality: { name: 'asc' }, code: 'asc' } },
    );
    const byTown = new Map<
      string,
      { code: string; name: string; zones: { code: string; name: string; hasArea: boolean }[] }
    >();
    for (const zone of zones) {
      const { municipality } = zone;
      let town = byTown.get(municipality.id);
      if (!town)
        byTown.set(
          municipality.id,
          (town = { code: municipality.code, name: municipality.name, zones: [] }),
        );
      town.zones.push({ code: zone.code, name: zone.name, hasArea: Boolean(zone.shape?.area) });
    }
    return [...byTown.values()];
  }

  /** The zone asked about: by its code, or where the device stands. */
  private async place(
    municipalityCode: string,
    question: RightCheckQuestion,
  ): Promise<CachedZone & { code: string }> {
    const zoneCode = question.zone?.trim() || null;
    const { latitude, longitude } = question;
    const hasPosition = latitude != null && longitude != null;
    if ((zoneCode === null) === !hasPosition || (latitude == null) !== (longitude == null)) {
      throw new AppError('RIGHT_CHECK_PLACE_MISSING');
    }
    if (zoneCode !== null) {
      const zone = await this.zone(municipalityCode, zoneCode);
      if (!zone) throw new AppError('NOT_FOUND');
      return { ...zone, code: zoneCode };
    }
    const zones = await cachedTownZones(this.em.getDriver(), municipalityCode, () =>
      this.townZones(municipalityCode),
    );
    if (zones.length === 0) throw new AppError('NOT_FOUND');
    // Only areas place a position (ranges name addresses); on a border of two zones, or
    // outside every area, the officer chooses: a guessed zone could give a false red.
    const point = wgs84ToRd(latitude!, longitude!);
    const inside = zones.filter((zone) => zone.shape?.area && pointInArea(point, zone.shape.area));
    if (inside.length !== 1) {
      throw new AppError('RIGHT_CHECK_POSITION_OUTSIDE_ZONES');
    }
    return inside[0]!;
  }

  private async townZones(municipalityCode: string): Promise<ShapedTownZone[]> {
    const rows: { id: string; code: string; municipality_id: string; shape: unknown }[] =
      await this.em.getConnection().execute(townZonesSql, [municipalityCode]);
    return rows.map((row) => ({
      zoneId: row.id,
      municipalityId: row.municipality_id,
      code: row.code,
      shape:
        typeof row.shape === 'string'
          ? (JSON.parse(row.shape) as ZoneShape)
          : ((row.shape as ZoneShape | null) ?? null),
    }));
  }

  private zone(municipalityCode: string, zoneCode: string): Promise<CachedZone | null> {
    return cachedZone(this.em.getDriver(), municipalityCode, zoneCode, async () => {
      const rows: { id: string; municipality_id: string }[] = await this.em
        .getConnection()
        .execute(zoneIdSql, [municipalityCode, zoneCode]);
      const [row] = rows;
      return row ? { zoneId: row.id, municipalityId: row.municipality_id } : null;
    });
  }
}
