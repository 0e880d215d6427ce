import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import { periodOf, sumInPeriod } from '@parkeer/domain/balance/balance-period';
import { decideCareGrant } from '@parkeer/domain/balance/care-grant';
import type { TopUpPolicy } from '@parkeer/domain/balance/top-up-policy';
import { localDateOf } from '@parkeer/domain/time/zoned-time';
import { AppError, refuseProblems, type InputProblem } from '../../graphql/app-error.js';
import type { Context } from '../../graphql/context.js';
import { checkIdempotencyKey } from '../../graphql/idempotency-key.js';
import { displayParams } from '../top-up/top-up-message.js';
import { recordChange } from '../audit/audit-log.js';
import { permitPot } from '../ledger/ledger.js';
import { withPermitTransaction, type ChangeSink } from '../ledger/permit-transaction.js';
import { LedgerEntry } from '../../model/ledger-entry.entity.js';
import { Permit } from '../../model/permit.entity.js';
import type { PermitEvent } from '../session/permit-events.js';
import { CareGrant } from '../../model/care-grant.entity.js';
import { actingAdmin, ownTownPermit, requiredText } from './request-scope.js';

export interface GrantCareHoursCommand {
  readonly permitId: string;
  readonly minutes: number;
  readonly carerStatement: string;
  readonly idempotencyKey: string;
}

export interface GrantedCare {
  readonly grant: CareGrant;
  readonly balanceAfter: number;
  /** What may still be granted in the grant's period (null when the product grants none). */
  readonly remainingMinutes: number | null;
}

/** A statement is a summary or a file reference, not the document itself. */
const maxStatement = 2000;

/**
 * Informal-care time (docs/rules.md §4, 004): free minutes the town grants on request with a carer's
 * statement, up to the product's yearly care cap, credited as a 'careGrant' ledger row.
 */
export class CareGrantService {
  /** `sink` hears, after the commit, the balance the grant wrote. */
  constructor(
    private readonly ctx: Context,
    private readonly sink: ChangeSink<PermitEvent> | null = null,
  ) {}

  private get em(): EntityManager {
    return this.ctx.em;
  }

  async list(permitId: string): Promise<CareGrant[]> {
    const permit = await ownTownPermit(this.em, this.ctx, permitId);
    return this.em.find(
      CareGrant,
      { permit: permit.id },
      { orderBy: { createdAt: 'desc', id: 'desc' }, populate: ['grantedBy'] },
    );
  }

  /**
   * Grants once per idempotency key: a retry (also one that lost a race with its twin) returns
   * the first call's grant, even when the cap would now refuse the same request.
   */
  async grant(command: GrantCareHoursCommand): Promise<GrantedCare> {
    checkIdempotencyKey(command.idempotencyKey);
    const problems: InputProblem[] = [];
    const statement = requiredText(
      problems,
      'carerStatement',
      command.carerStatement,
      maxStatement,
    );
    refuseProblems(problems);
    const permit = await ownTownPermit(this.em, this.ctx, command.permitId);
    const run = () => this.grantLocked(permit.id, command, statement);
    try {
      return await run();
    } catch (error) {
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
      return run();
    }
  }

  private grantLocked(
    permitId: string,
    command: GrantCareHoursCommand,
    statement: string,
  ): Promise<GrantedCare> {
    const { ctx } = this;
    return withPermitTransaction<GrantedCare, PermitEvent>(
      this.em,
      permitId,
      ctx.now,
      async (unit) => {
        const { tx } = unit;
        const permit = await tx.findOneOrFail(
          Permit,
          { id: permitId },
          { populate: ['productType', 'municipality'], refresh: true },
        );
        const earlier = await tx.findOne(LedgerEntry, {
          permit: permit.id,
          idempotencyKey: command.idempotencyKey,
        });
        if (earlier) return this.replay(tx, permit, earlier, command.minutes);
        if (permit.status === 'revoked') throw new AppError('PRODUCT_REVOKED');

        const policy = permit.productType.topUpPolicy;
        if (!policy) throw new AppError('CARE_GRANT_NOT_OFFERED');
        const grants = await this.grantsOf(tx, permit.id);
        const timeZone = permit.municipality.timeZone;
        const decision = decideCareGrant({
          policy,
          requestedMinutes: command.minutes,
          grants,
          now: ctx.now,
          timeZone,
          permitStart: localDateOf(permit.validFrom, timeZone),
        });
        if (!decision.ok) {
          // The message shows amounts as hours ("400 u"); the raw minutes stay readable for
          // programs as remainingMinutes.
          const params = decision.params ?? {};
          throw new AppError(decision.reason, {
            ...displayParams(params, ctx.language),
            ...(typeof params.remaining === 'number' ? { remainingMinutes: params.remaining } : {}),
          });
        }

        const before = { balance: permit.balance };
        const grantedBy = await actingAdmin(tx, ctx);
        const written = await unit.ledger.post(permitPot, {
          kind: 'careGrant',
          amount: decision.amount,
          idempotencyKey: command.idempotencyKey,
          createdById: grantedBy.id,
          at: ctx.now,
        });
        const grant = tx.create(CareGrant, {
          permit,
          minutes: decision.amount,
          carerStatement: statement,
          ledgerEntry: tx.getReference(LedgerEntry, written.id),
          grantedBy,
          createdAt: ctx.now,
        });
        recordChange(tx, ctx, {
          action: 'permit.careGrant',
          subjectType: 'permit',
          subjectId: permit.id,
          subjectLabel: permit.productCode,
          municipalityId: permit.municipality.id,
          before,
          after: {
            balance: permit.balance,
            careGrantId: grant.id,
            minutes: decision.amount,
            carerStatement: statement,
          },
        });
        return {
          grant,
          balanceAfter: written.balanceAfter,
          remainingMinutes: decision.remainingAfter,
        };
      },
      { clear: true, sink: this.sink },
    );
  }

  /** The answer of the first call with this key; the same key for another request is refused. */
  private async replay(
    tx: EntityManager,
    permit: Permit,
    earlier: LedgerEntry,
    minutes: number,
  ): Promise<GrantedCare> {
    const grant =
      earlier.kind === 'careGrant'
        ? await tx.findOne(CareGrant, { ledgerEntry: earlier.id }, { populate: ['grantedBy'] })
        : null;
    if (!grant || grant.minutes !== minutes) throw new AppError('IDEMPOTENCY_KEY_REUSED');
    const policy = permit.productType.topUpPolicy;
    return {
      grant,
      balanceAfter: permit.balance,
      remainingMinutes: policy
        ? remainingNow(policy, permit, await this.grantsOf(tx, permit.id), this.ctx.now)
        : null,
    };
  }

  private async grantsOf(em: EntityManager, permitId: string) {
    const rows = await em.find(
      CareGrant,
      { permit: permitId },
      { fields: ['minutes', 'createdAt'], orderBy: { createdAt: 'asc' } },
    );
    return rows.map((row) => ({ at: row.createdAt, amount: row.minutes }));
  }
}

/** What may still be granted in the current care period. */
function remainingNow(
  policy: TopUpPolicy,
  permit: Permit,
  grants: readonly { at: Date; amount: number }[],
  now: Date,
): number | null {
  const care = policy.careGrant;
  if (!care) return null;
  const timeZone = permit.municipality.timeZone;
  const permitStart = localDateOf(permit.validFrom, timeZone);
  const current = periodOf(care.period, localDateOf(now, timeZone), permitStart);
  const granted = sumInPeriod(grants, (g) => g.amount, current, care.period, permitStart, timeZone);
  return Math.max(0, care.limitMinutes - granted);
}
