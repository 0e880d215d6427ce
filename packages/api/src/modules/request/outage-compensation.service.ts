import { LockMode, type EntityManager, type FilterQuery } from '@mikro-orm/core';
import { outageCredit } from '@parkeer/domain/billing/outage-credit';
import { wallClockOf } from '@parkeer/domain/time/zoned-time';
import { isPostgres } from '../../db/dialect.js';
import { isUuid } from '../../db/uuid.js';
import { AppError, refuseProblems, type InputProblem } from '../../graphql/app-error.js';
import { adminTown, type AdminWork } from '../admin/admin-scope.js';
import { recordChange } from '../audit/audit-log.js';
import { delegationPot, permitPot } from '../ledger/ledger.js';
import { withUnitOfWork, type ChangeSink } from '../ledger/permit-transaction.js';
import { Permit } from '../../model/permit.entity.js';
import type { PermitEvent } from '../session/permit-events.js';
import { loadProductRules } from '../product/product-rules.js';
import { ParkingSession } from '../../model/parking-session.entity.js';
import { Zone } from '../../model/zone.entity.js';
import { OutageCompensation } from '../../model/outage-compensation.entity.js';
import { actingAdmin, requiredText } from './request-scope.js';

export interface CompensateOutageCommand {
  readonly zoneId: string;
  readonly windowStart: Date;
  readonly windowEnd: Date;
  readonly reason: string;
}

export interface CompensatedOutage {
  readonly compensation: OutageCompensation;
  /** Paid minutes given back over all sessions. */
  readonly minutesCredited: number;
}

/** The reason column's length. */
const maxReason = 300;
/**
 * A sanity bound, not a rule of the sources: a window of weeks is a typo (a wrong year) far more
 * often than an outage, and would credit every session of that time.
 */
const maxWindowDays = 7;
const dayMs = 86_400_000;

/** A moment as the town's clock shows it, the same in Dutch and English: '2026-10-25 02:30'. */
function localTime(instant: Date, timeZone: string): string {
  const { date, minuteOfDay } = wallClockOf(instant, timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date} ${pad(Math.floor(minuteOfDay / 60))}:${pad(minuteOfDay % 60)}`;
}

/**
 * Outage compensation (docs/rules.md §9, 004): when the town's system was down, the sessions of a zone
 * that could not be stopped get back, once, what they were charged for the time of the outage.
 *
 * Which sessions: those of permits in the zone that overlap the window and were not stopped
 * before it began (planned ones that had not started, deleted ones and ones stopped earlier
 * were not affected). Revoked permits are left out: their balance is settled with the holder
 * (refund or lapse) and a credit there would reach no one.
 *
 * Sessions still running are credited now for the window, which lies wholly in the past: they
 * can only be stopped from now on, so the minutes in the window will be charged whatever happens
 * next. Their reservation stays as it is; the credit is a row of its own.
 *
 * Once: windows of one zone may not overlap (checked under a lock on the zone), and each credit
 * row carries the key `outage:<compensation>:<session>`, unique per permit in the ledger.
 */
export class OutageCompensationService {
  /** `sink` hears, after the commit, every pot the credits moved. */
  constructor(
    private readonly work: AdminWork,
    private readonly sink: ChangeSink<PermitEvent> | null = null,
  ) {}

  private get em(): EntityManager {
    return this.work.em;
  }

  async list(zoneId: string | null): Promise<OutageCompensation[]> {
    if (zoneId !== null && !isUuid(zoneId)) throw new AppError('NOT_FOUND');
    return this.em.find(
      OutageCompensation,
      { zone: { municipality: adminTown(this.work), ...(zoneId ? { id: zoneId } : {}) } },
      { orderBy: { windowStart: 'desc', id: 'desc' }, populate: ['zone', 'createdBy'] },
    );
  }

  async compensate(command: CompensateOutageCommand): Promise<CompensatedOutage> {
    const { work } = this;
    const problems: InputProblem[] = [];
    const reason = requiredText(problems, 'reason', command.reason, maxReason);
    refuseProblems(problems);
    if (!isUuid(command.zoneId)) throw new AppError('NOT_FOUND');
    const { windowStart, windowEnd } = command;
    if (windowEnd.getTime() <= windowStart.getTime()) {
      throw new AppError('OUTAGE_WINDOW_ENDS_BEFORE_START');
    }
    if (windowEnd.getTime() > work.now.getTime()) throw new AppError('OUTAGE_WINDOW_IN_FUTURE');
    if (windowEnd.getTime() - windowStart.getTime() > maxWindowDays * dayMs) {
      throw new AppError('OUTAGE_WINDOW_TOO_LONG', { maxDays: maxWindowDays });
    }

    return withUnitOfWork<CompensatedOutage, PermitEvent>(
      this.em,
      work.now,
      async (unit) => {
        const { tx } = unit;
        const zone = await this.lockZone(tx, command.zoneId);
        await tx.populate(zone, ['municipality']);
        const earlier = await tx.findOne(OutageCompensation, {
          zone: zone.id,
          windowStart: { $lt: windowEnd },
          windowEnd: { $gt: windowStart },
        });
        if (earlier) {
          const timeZone = zone.municipality.timeZone;
          throw new AppError('OUTAGE_WINDOW_OVERLAPS', {
            from: localTime(earlier.windowStart, timeZone),
            until: localTime(earlier.windowEnd, timeZone),
            compensationId: earlier.id,
          });
        }

        const createdBy = await actingAdmin(tx, work);
        const compensation = tx.create(OutageCompensation, {
          zone,
          windowStart,
          windowEnd,
          reason,
          createdBy,
          createdAt: work.now,
        });

        const affected = (permit: string | Record<string, unknown>) =>
          ({
            permit,
            status: { $ne: 'deleted' },
            start: { $lt: windowEnd },
            end: { $gt: windowStart },
            $or: [{ stoppedAt: null }, { stoppedAt: { $gt: windowStart } }],
          }) as FilterQuery<ParkingSession>;
        const candidates = await tx.find(
          ParkingSession,
          affected({ zone: zone.id, status: { $ne: 'revoked' } }),
          { fields: ['permit'] },
        );
        // Permits are locked one by one in id order, so two writers never wait on each other
        // in a circle.
        const permitIds = [...new Set(candidates.map((s) => s.permit.id))].sort();

        let minutesCredited = 0;
        for (const permitId of permitIds) {
          const locked = await unit.lockPermit(permitId);
          if (!locked) continue;
          const permit = await tx.findOneOrFail(
            Permit,
            { id: permitId },
            { populate: ['productType', 'zone', 'municipality'], refresh: true },
          );
          if (permit.status === 'revoked') continue;
          const rules = await loadProductRules(tx, permit);
          // Read again under the lock: a stop may have been committed since the first read.
          const sessions = await tx.find(ParkingSession, affected(permit.id), {
            populate: ['delegation'],
            orderBy: { start: 'asc', id: 'asc' },
            refresh: true,
          });
          for (const session of sessions) {
            const credit = outageCredit(session, { start: windowStart, end: windowEnd }, rules);
            if (credit.amount <= 0) continue;
            // Back to the pot that paid; a revoked delegation has returned its pot to the permit.
            const delegation = session.delegation;
            const toDelegation = delegation && delegation.status !== 'revoked';
            await locked.ledger.post(toDelegation ? delegationPot(delegation.id) : permitPot, {
              kind: 'compensation',
              amount: credit.amount,
              sessionId: session.id,
              idempotencyKey: `outage:${compensation.id}:${session.id}`,
              createdById: createdBy.id,
              at: work.now,
            });
            compensation.sessionsCredited += 1;
            minutesCredited += credit.minutes;
          }
        }

        recordChange(tx, work, {
          action: 'zone.outageCompensation',
          subjectType: 'zone',
          subjectId: zone.id,
          subjectLabel: zone.code,
          municipalityId: zone.municipality.id,
          before: null,
          after: {
            compensationId: compensation.id,
            windowStart: windowStart.toISOString(),
            windowEnd: windowEnd.toISOString(),
            reason,
            sessionsCredited: compensation.sessionsCredited,
            minutesCredited,
          },
        });
        return { compensation, minutesCredited };
      },
      { clear: true, sink: this.sink },
    );
  }

  /**
   * The zone, of the admin's town, locked until the transaction ends (PostgreSQL; SQLite runs
   * one transaction at a time): two compensations of one zone at once check overlap in turn.
   */
  private async lockZone(tx: EntityManager, zoneId: string): Promise<Zone> {
    const zone = await tx.findOne(
      Zone,
      { id: zoneId, municipality: adminTown(this.work) },
      isPostgres(tx) ? { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true } : { refresh: true },
    );
    if (!zone) throw new AppError('NOT_FOUND');
    return zone;
  }
}
