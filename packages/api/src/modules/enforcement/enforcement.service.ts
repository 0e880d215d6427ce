import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { parsePlate } from '@parkeer/domain/plate/plate';
import { AppError } from '../../graphql/app-error.js';
import type { Viewer } from '../../graphql/viewer.js';
import { rightKinds, strongestRight, type FoundRight, type RightKind } from './right-choice.js';
import { rightCheckLogWriter } from './right-check-log-writer.js';
import { enforcementTowns } from './enforcement-towns.js';
import { rightsParams, rightsSql, zoneIdSql } from './right-check.sql.js';
import { cachedZone, type CachedZone } from './zone-cache.js';

export interface RightCheckQuestion {
  readonly plate: string;
  readonly country?: string | null;
  readonly municipality: string;
  readonly zone: string;
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
    const zone = await this.zone(municipalityCode, question.zone.trim());
    if (!zone) throw new AppError('NOT_FOUND');
    // An officer checks only the towns it works for. Another town's zone is refused outright,
    // never answered 'not valid': a scan car would fine every car parked there rightfully.
    const towns = await enforcementTowns(this.em, viewer.accountId);
    if (!towns.has(zone.municipalityId)) {
      throw new AppError('ENFORCEMENT_TOWN_NOT_ASSIGNED', { municipality: municipalityCode });
    }
    const { zoneId } = zone;

    const connection = this.em.getConnection();
    const platform = this.em.getPlatform();
    // Raw SQL takes dates as the dialect stores them (SQLite: epoch milliseconds).
    const storedAt = platform.processDateProperty(at);
    const rows: RightRow[] = await connection.execute(
      rightsSql,
      rightsParams(plate.normalised, plate.country, zoneId, storedAt),
    );
    const right = strongestRight(
      rows.flatMap(({ kind, until }): FoundRight[] =>
        isRightKind(kind) ? [{ kind, until: until === null ? null : new Date(until) }] : [],
      ),
    );

    // Logged without the plate: the log proves that checks happen, not who was checked. The
    // answer waits for the row's commit (group commit): no answered check goes unlogged.
    const storedNow = platform.processDateProperty(now);
    await rightCheckLogWriter(this.em).add([
      randomUUID(),
      viewer.accountId,
      storedNow,
      storedAt,
      zoneId,
      right !== null,
      right?.kind ?? null,
      storedNow,
    ]);

    return {
      valid: right !== null,
      kind: right?.kind ?? null,
      validUntil: right?.until ?? null,
      checkedAt: now,
      plate: plate.display,
    };
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
