import type { EntityManager } from '@mikro-orm/core';
import { objectionPeriodEnd } from '@parkeer/domain/enforcement/objection-period';
import { parsePlate } from '@parkeer/domain/plate/plate';
import { sqlDate } from '../../db/sql-date.js';
import { AppError } from '../../graphql/app-error.js';
import type { Viewer } from '../../graphql/viewer.js';
import { RightCheckLog } from '../../model/right-check-log.entity.js';
import { outageSql } from './right-check.sql.js';

export interface FineQuestion {
  readonly checkId: string;
  readonly reference: string;
  /** The fined plate: the check's log does not hold it. */
  readonly plate: string;
  readonly country?: string | null;
}

export interface RecordedFineAnswer {
  readonly checkId: string;
  readonly reference: string;
  readonly keptUntil: Date;
  readonly sessionsKept: number;
}

const dayMs = 24 * 60 * 60_000;
/** Sessions this close to the checked moment are the ones an objection is about. */
export const fineSessionReachMs = dayMs;
const referencePattern = /^[A-Za-z0-9-]{1,40}$/;

/**
 * docs/rules.md §9 fines: an officer records the fine written after its own check. The sessions
 * of that plate in that zone around the checked moment keep their plate until the town's
 * objection period has passed, so an objection or a goodwill waiver can still be judged by them;
 * the check's log row is kept as long.
 */
export class FineService {
  constructor(private readonly em: EntityManager) {}

  async record(viewer: Viewer, question: FineQuestion, now: Date): Promise<RecordedFineAnswer> {
    const reference = question.reference.trim();
    if (!referencePattern.test(reference)) throw new AppError('FINE_REFERENCE_INVALID');
    const parsed = parsePlate(question.plate, question.country ?? undefined);
    if (!parsed.ok) throw new AppError(parsed.reason, parsed.params);
    const { plate } = parsed;

    return this.em.transactional(async (tx) => {
      const check = await tx.findOne(
        RightCheckLog,
        { id: question.checkId },
        { populate: ['zone.municipality'] },
      );
      // Another officer's check is not this officer's to fine on: as if it did not exist.
      if (!check || check.checkedBy?.id !== viewer.accountId) throw new AppError('NOT_FOUND');
      if (check.fineReference) {
        if (check.fineReference !== reference) throw new AppError('FINE_ALREADY_RECORDED');
      } else {
        if (check.valid || (await this.outageCovers(tx, check.zone.id, check.checkedFor))) {
          throw new AppError('FINE_ON_VALID_CHECK');
        }
      }
      const town = check.zone.municipality;
      const keptUntil =
        check.keptUntil ?? objectionPeriodEnd(now, town.objectionPeriodDays, town.timeZone);
      const near = (offset: number) => sqlDate(tx, new Date(check.checkedFor.getTime() + offset));
      // The sessions an objection is about: this plate, this zone, within a day of the moment
      // (the one that ended just before, or was registered just after). Not yet anonymised.
      const kept = await tx.getConnection().execute(
        // Another fine may already keep a session longer: the later of the two counts.
        `update parking_session
          set kept_until = case when kept_until > ? then kept_until else ? end
          where plate = ? and country = ? and start <= ? and coalesce(stopped_at, "end") >= ?
            and permit_id in (select id from permit where zone_id = ?)
          returning id`,
        [
          sqlDate(tx, keptUntil),
          sqlDate(tx, keptUntil),
          plate.normalised,
          plate.country,
          near(fineSessionReachMs),
          near(-fineSessionReachMs),
          check.zone.id,
        ],
        'all',
        tx.getTransactionContext(),
      );
      check.fineReference = reference;
      check.finedAt ??= now;
      check.keptUntil = keptUntil;
      return {
        checkId: check.id,
        reference,
        keptUntil,
        sessionsKept: Array.isArray(kept) ? kept.length : 0,
      };
    });
  }

  private async outageCovers(em: EntityManager, zoneId: string, at: Date): Promise<boolean> {
    const stored = sqlDate(em, at);
    const rows: unknown[] = await em
      .getConnection()
      .execute(outageSql, [zoneId, stored, stored], 'all', em.getTransactionContext());
    return rows.length > 0;
  }
}

/**
 * docs/rules.md §9 fines: the check a fine number was recorded against in a town, for a goodwill
 * waiver request about that fine to point to. Null when no officer recorded it here.
 */
export function fineCheckFor(
  em: EntityManager,
  municipalityId: string,
  reference: string,
): Promise<RightCheckLog | null> {
  return em.findOne(RightCheckLog, {
    fineReference: reference.trim(),
    zone: { municipality: municipalityId },
  });
}
