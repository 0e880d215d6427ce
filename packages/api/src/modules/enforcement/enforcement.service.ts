import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { checkRightCheckMoment } from '@parkeer/domain/enforcement/right-check-moment';
import {
  permitRightKinds,
  rightKinds,
  strongestRight,
  type FoundRight,
  type PermitRightKind,
  type RightKind,
} from '@parkeer/domain/enforcement/right-choice';
import { parsePlate, type Plate } from '@parkeer/domain/plate/plate';
import { pointInArea, wgs84ToRd } from '@parkeer/domain/zone-shape/zone-shape';
import type { ZoneShape } from '@parkeer/domain/zone-shape/zone-shape';
import type { ErrorCode, MessageParams } from '@parkeer/shared/messages/error-catalogue';
import { AppError } from '../../graphql/app-error.js';
import type { Viewer } from '../../graphql/viewer.js';
import { Zone } from '../../model/zone.entity.js';
import { rightCheckLogWriter } from './right-check-log-writer.js';
import {
  recordRightCheck,
  recordRightCheckBatch,
} from '../../observability/right-check-metrics.js';
import { checkerTowns } from './enforcement-towns.js';
import { isPartnerKeyViewer } from '../partner-key/partner-key-auth.js';
import {
  batchOutagePgSql,
  batchOutageSqliteSql,
  batchParams,
  batchRightsPgSql,
  batchRightsSqliteSql,
  checkParams,
  checkPgSql,
  checkSqliteSql,
  outageRowKind,
  townsZonesSql,
  townZonesSql,
  zoneIdSql,
} from './right-check.sql.js';
import {
  cachedTownsZones,
  cachedTownZones,
  cachedZone,
  type CachedZone,
  type ShapedTownZone,
} from './zone-cache.js';
import { isPostgres } from '../../db/dialect.js';
import { preparedStatement } from '../../db/prepared-statement.js';
import type { LogRow } from './right-check-log-writer.js';

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
  /** Which permit, when the right is one: the officer reads a resident's from a business's. */
  readonly permitKind: PermitRightKind | null;
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
  product_kind: string | null;
}

/** A row of one check's statement: a right, or (kind 'outage') the outage window. */
type CheckRow = RightRow & { [K in keyof OutageRow]: OutageRow[K] | null };

const preparedCheck = preparedStatement<CheckRow>('parkeer_right_check', checkPgSql);
const preparedBatchRights = preparedStatement<RightRow & BatchRow>(
  'parkeer_right_check_batch_rights',
  batchRightsPgSql,
);
const preparedBatchOutage = preparedStatement<OutageRow & BatchRow>(
  'parkeer_right_check_batch_outage',
  batchOutagePgSql,
);

const permitKindOf = (product: string | null | undefined): PermitRightKind | null =>
  permitRightKinds.find((kind) => kind === product) ?? null;

const isRightKind = (kind: string): kind is RightKind => rightKinds.includes(kind as RightKind);

interface BatchRow {
  /** The check's place among the batch's answered checks. */
  idx: number | string;
}

interface TownZoneRow {
  id: string;
  code: string;
  municipality_id: string;
  shape: unknown;
}

type PlacedZone = CachedZone & { readonly code: string };

/** A check the rules let through: what the rights are looked up by. */
interface Checked {
  readonly plate: Plate;
  readonly at: Date;
  readonly zone: PlacedZone;
}

const shapedZone = (row: TownZoneRow): ShapedTownZone => ({
  zoneId: row.id,
  municipalityId: row.municipality_id,
  code: row.code,
  shape:
    typeof row.shape === 'string'
      ? (JSON.parse(row.shape) as ZoneShape)
      : ((row.shape as ZoneShape | null) ?? null),
});

/** The plate as the rules read it and the moment asked about; refused when out of range. */
function plateAndMoment(question: RightCheckQuestion, now: Date): { plate: Plate; at: Date } {
  const parsed = parsePlate(question.plate, question.country ?? undefined);
  if (!parsed.ok) throw new AppError(parsed.reason, parsed.params);
  const at = question.at ?? now;
  const moment = checkRightCheckMoment(at, now);
  if (!moment.ok) throw new AppError(moment.reason, moment.params);
  return { plate: parsed.plate, at };
}

/** A zone's code, or a position: exactly one of them (docs/rules.md §9 place). */
function placeAsked(
  question: RightCheckQuestion,
): { zoneCode: string } | { latitude: number; longitude: number } {
  const zoneCode = question.zone?.trim() || null;
  const { latitude, longitude } = question;
  const hasPosition = latitude != null && longitude != null;
  if ((zoneCode === null) === !hasPosition || (latitude == null) !== (longitude == null)) {
    throw new AppError('RIGHT_CHECK_PLACE_MISSING');
  }
  return zoneCode !== null ? { zoneCode } : { latitude: latitude!, longitude: longitude! };
}

/**
 * The zone whose area holds the position. Only areas place a position (ranges name addresses);
 * on a border of two zones, or outside every area, the officer chooses: a guessed zone could give
 * a false red.
 */
function zoneAtPosition(
  zones: readonly ShapedTownZone[],
  position: { latitude: number; longitude: number },
): ShapedTownZone {
  if (zones.length === 0) throw new AppError('NOT_FOUND');
  const point = wgs84ToRd(position.latitude, position.longitude);
  const inside = zones.filter((zone) => zone.shape?.area && pointInArea(point, zone.shape.area));
  if (inside.length !== 1) throw new AppError('RIGHT_CHECK_POSITION_OUTSIDE_ZONES');
  return inside[0]!;
}

/** The zone asked about among its town's zones (a batch has them at hand). */
function placeAmong(zones: readonly ShapedTownZone[], question: RightCheckQuestion): PlacedZone {
  const asked = placeAsked(question);
  if (!('zoneCode' in asked)) return zoneAtPosition(zones, asked);
  const zone = zones.find((candidate) => candidate.code === asked.zoneCode);
  if (!zone) throw new AppError('NOT_FOUND');
  return zone;
}

/**
 * An officer checks only the towns it works for. Another town's zone is refused outright, never
 * answered 'not valid': a scan car would fine every car parked there rightfully.
 */
function ownTown(towns: ReadonlySet<string>, zone: PlacedZone, municipalityCode: string): void {
  if (!towns.has(zone.municipalityId)) {
    throw new AppError('ENFORCEMENT_TOWN_NOT_ASSIGNED', { municipality: municipalityCode });
  }
}

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
    const { plate, at } = plateAndMoment(question, now);
    const municipalityCode = question.municipality.trim();
    const zone = await this.place(municipalityCode, question);
    ownTown(await checkerTowns(this.em, viewer), zone, municipalityCode);
    const { zoneId } = zone;
    // Raw SQL takes dates as the dialect stores them (SQLite: epoch milliseconds).
    const storedAt = this.em.getPlatform().processDateProperty(at);
    const { rights, outage } = await this.rightsAndOutage(
      checkParams(plate.normalised, plate.country, zoneId, storedAt, isPostgres(this.em)),
    );
    const { answer, logRow } = this.answer(viewer, { plate, at, zone }, rights, outage, now);
    // The answer waits for the row's commit (group commit): no answered check goes unlogged.
    await rightCheckLogWriter(this.em).add(logRow);
    recordRightCheck(answer);
    return answer;
  }

  /**
   * A scan car's batch (docs/rules.md §9 batch): each item answered exactly as `checkRight`
   * answers it, and logged as it is; an item the rules refuse (a malformed plate, another town,
   * an unknown zone) is a refusal in its place, and the others are answered all the same. The
   * data of all items is read in a fixed number of queries, however many plates: the officer's
   * towns and the zones of the towns named (both usually cached), the rights, the outage
   * windows, and one INSERT of the log rows.
   */
  async checkRights(
    viewer: Viewer,
    questions: readonly RightCheckQuestion[],
    now: Date,
  ): Promise<(RightCheckAnswer | RightCheckRefusal)[]> {
    if (questions.length > maxBatchChecks) {
      throw new AppError('RIGHT_CHECK_BATCH_TOO_LARGE', { max: maxBatchChecks });
    }
    if (questions.length === 0) return [];
    const towns = await checkerTowns(this.em, viewer);
    const zonesByTown = await cachedTownsZones(
      this.em.getDriver(),
      questions.map((question) => question.municipality.trim()),
      (codes) => this.zonesOfTowns(codes),
    );
    const results: (Checked | RightCheckRefusal)[] = questions.map((question, index) => {
      try {
        const { plate, at } = plateAndMoment(question, now);
        const municipalityCode = question.municipality.trim();
        const zone = placeAmong(zonesByTown.get(municipalityCode) ?? [], question);
        ownTown(towns, zone, municipalityCode);
        return { plate, at, zone };
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        return { refused: true as const, index, code: error.code, params: error.params };
      }
    });
    const asked = results.filter((result): result is Checked => !('refused' in result));
    const { rights, outages } = await this.batchData(asked);
    const answers = new Map<Checked, RightCheckAnswer>();
    const logRows = asked.map((check, idx) => {
      const { answer, logRow } = this.answer(
        viewer,
        check,
        rights.get(idx) ?? [],
        outages.get(idx),
        now,
      );
      answers.set(check, answer);
      return logRow;
    });
    // Added in one turn: the log writer stores them in one INSERT. Anything failing here (the
    // log could not be written) fails the batch: no unlogged answers.
    const writer = rightCheckLogWriter(this.em);
    await Promise.all(logRows.map((row) => writer.add(row)));
    const batch = results.map((result) => ('refused' in result ? result : answers.get(result)!));
    recordRightCheckBatch(batch);
    return batch;
  }

  /**
   * One check's rights and the outage window over its moment, in one statement. On PostgreSQL a
   * named statement, planned once per connection: the rights query's plan cost more than its run.
   */
  private async rightsAndOutage(
    values: readonly unknown[],
  ): Promise<{ rights: RightRow[]; outage: OutageRow | undefined }> {
    const rows = isPostgres(this.em)
      ? await preparedCheck(this.em, values)
      : ((await this.em.getConnection().execute(checkSqliteSql, [...values])) as CheckRow[]);
    const rights = rows.filter((row) => row.kind !== outageRowKind);
    const window = rows.find((row) => row.kind === outageRowKind);
    const outage =
      window?.window_start != null && window.window_end != null
        ? { window_start: window.window_start, window_end: window.window_end }
        : undefined;
    return { rights, outage };
  }

  /** The rights and outage windows of a batch's checks, by their place in `asked`. */
  private async batchData(asked: readonly Checked[]): Promise<{
    rights: Map<number, RightRow[]>;
    outages: Map<number, OutageRow>;
  }> {
    const rights = new Map<number, RightRow[]>();
    const outages = new Map<number, OutageRow>();
    if (asked.length === 0) return { rights, outages };
    const platform = this.em.getPlatform();
    const checks = asked.map(
      ({ plate, at, zone }) =>
        [plate.normalised, plate.country, zone.zoneId, platform.processDateProperty(at)] as const,
    );
    const postgres = isPostgres(this.em);
    const params = batchParams(checks, postgres);
    const connection = this.em.getConnection();
    // On PostgreSQL named statements of one text for every batch size, planned once per connection.
    const [rightRows, outageRows] = (await Promise.all(
      postgres
        ? [preparedBatchRights(this.em, params), preparedBatchOutage(this.em, params)]
        : [
            connection.execute(batchRightsSqliteSql(asked.length), params),
            connection.execute(batchOutageSqliteSql(asked.length), params),
          ],
    )) as [(RightRow & BatchRow)[], (OutageRow & BatchRow)[]];
    for (const row of rightRows) {
      const idx = Number(row.idx);
      rights.set(idx, [...(rights.get(idx) ?? []), row]);
    }
    // Earliest window first, as the single check's query takes it.
    for (const row of outageRows) {
      const idx = Number(row.idx);
      if (!outages.has(idx)) outages.set(idx, row);
    }
    return { rights, outages };
  }

  /** A check's answer from its rows, and its log row: without the plate (docs/security.md). */
  private answer(
    viewer: Viewer,
    { plate, at, zone }: Checked,
    rows: readonly RightRow[],
    outage: OutageRow | undefined,
    now: Date,
  ): { answer: RightCheckAnswer; logRow: LogRow } {
    const right = strongestRight(
      rows.flatMap(({ kind, until, product_kind }): FoundRight[] =>
        isRightKind(kind)
          ? [{ kind, until: until === null ? null : new Date(until), product: product_kind }]
          : [],
      ),
    );
    // Logged without the plate: the log proves that checks happen, not who was checked.
    const platform = this.em.getPlatform();
    const storedNow = platform.processDateProperty(now);
    const checkId = randomUUID();
    // A machine key's check names the key, an officer's the account (docs/security.md).
    const byKey = isPartnerKeyViewer(viewer);
    const logRow = [
      checkId,
      byKey ? null : viewer.accountId,
      storedNow,
      platform.processDateProperty(at),
      zone.zoneId,
      right !== null,
      right?.kind ?? null,
      storedNow,
      byKey ? viewer.accountId : null,
    ];
    const answer = {
      valid: right !== null,
      kind: right?.kind ?? null,
      permitKind: right?.kind === 'permit' ? permitKindOf(right.product) : null,
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
    return { answer, logRow };
  }

  /** The officer's towns and their zones, by name (the officer's screen picks from them). */
  async places(viewer: Viewer): Promise<
    {
      code: string;
      name: string;
      zones: { code: string; name: string; hasArea: boolean }[];
    }[]
  > {
    const towns = await checkerTowns(this.em, viewer);
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
  private async place(municipalityCode: string, question: RightCheckQuestion): Promise<PlacedZone> {
    const asked = placeAsked(question);
    if ('zoneCode' in asked) {
      const zone = await this.zone(municipalityCode, asked.zoneCode);
      if (!zone) throw new AppError('NOT_FOUND');
      return { ...zone, code: asked.zoneCode };
    }
    const zones = await cachedTownZones(this.em.getDriver(), municipalityCode, () =>
      this.townZones(municipalityCode),
    );
    return zoneAtPosition(zones, asked);
  }

  /** The zones of several towns, by municipality code, in one query. */
  private async zonesOfTowns(codes: string[]): Promise<Map<string, ShapedTownZone[]>> {
    const rows: (TownZoneRow & { municipality_code: string })[] = await this.em
      .getConnection()
      .execute(townsZonesSql(codes.length), codes);
    const byTown = new Map<string, ShapedTownZone[]>();
    for (const row of rows) {
      byTown.set(row.municipality_code, [
        ...(byTown.get(row.municipality_code) ?? []),
        shapedZone(row),
      ]);
    }
    return byTown;
  }

  private async townZones(municipalityCode: string): Promise<ShapedTownZone[]> {
    const rows: TownZoneRow[] = await this.em
      .getConnection()
      .execute(townZonesSql, [municipalityCode]);
    return rows.map(shapedZone);
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
