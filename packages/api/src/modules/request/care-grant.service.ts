import type { EntityManager } from '@mikro-orm/core';
import { decideCareGrant } from '@parkeer/domain/balance/care-grant';
import { localDateOf } from '@parkeer/domain/time/zoned-time';
import { AppError, refuseProblems, type InputProblem } from '../../graphql/app-error.js';
import { displayParams } from '../top-up/top-up-message.js';
import { recordChange } from '../audit/audit-log.js';
import { permitPot } from '../ledger/ledger.js';
import { withPermitTransaction, type ChangeSink } from '../ledger/permit-transaction.js';
import { LedgerEntry } from '../../model/ledger-entry.entity.js';
import { Permit } from '../../model/permit.entity.js';
import type { PermitEvent } from '../session/permit-events.js';
import { CareGrant } from '../../model/care-grant.entity.js';
import { actingAdmin, ownTownPermit, requiredText } from './request-scope.js';
import type { AdminWork } from '../admin/admin-scope.js';

export interface GrantCareHoursCommand {
  readonly permitId: string;
  readonly minutes: number;
  readonly carerStatement: string;
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
    private readonly work: AdminWork,
    private readonly sink: ChangeSink<PermitEvent> | null = null,
  ) {}

  private get em(): EntityManager {
    return this.work.em;
  }

  async list(permitId: string): Promise<CareGrant[]> {
    const permit = await ownTownPermit(this.em, this.work, permitId);
    return this.em.find(
      CareGrant,
      { permit: permit.id },
      { orderBy: { createdAt: 'desc', id: 'desc' }, populate: ['grantedBy'] },
    );
  }

  /**
   * `alongside` runs in the grant's own transaction, after the grant is written: an approved
   * holder's request is marked approved in the same commit as its ledger row, or not at all.
   */
  async grant(
    command: GrantCareHoursCommand,
    alongside?: (tx: EntityManager, granted: GrantedCare) => Promise<void>,
  ): Promise<GrantedCare> {
    const problems: InputProblem[] = [];
    const statement = requiredText(
      problems,
      'carerStatement',
      command.carerStatement,
      maxStatement,
    );
    refuseProblems(problems);
    const permit = await ownTownPermit(this.em, this.work, command.permitId);
    return this.grantLocked(permit.id, command, statement, alongside);
  }

  private grantLocked(
    permitId: string,
    command: GrantCareHoursCommand,
    statement: string,
    alongside?: (tx: EntityManager, granted: GrantedCare) => Promise<void>,
  ): Promise<GrantedCare> {
    const { work } = this;
    return withPermitTransaction<GrantedCare, PermitEvent>(
      this.em,
      permitId,
      work.now,
      async (unit) => {
        const { tx } = unit;
        const permit = await tx.findOneOrFail(
          Permit,
          { id: permitId },
          { populate: ['productType', 'municipality'], refresh: true },
        );
        if (permit.status === 'revoked') throw new AppError('PRODUCT_REVOKED');

        const policy = permit.productType.topUpPolicy;
        if (!policy) throw new AppError('CARE_GRANT_NOT_OFFERED');
        const grants = await this.grantsOf(tx, permit.id);
        const timeZone = permit.municipality.timeZone;
        const decision = decideCareGrant({
          policy,
          requestedMinutes: command.minutes,
          grants,
          now: work.now,
          timeZone,
          permitStart: localDateOf(permit.validFrom, timeZone),
        });
        if (!decision.ok) {
          // The message shows amounts as hours ("400 u"); the raw minutes stay readable for
          // programs as remainingMinutes.
          const params = decision.params ?? {};
          throw new AppError(decision.reason, {
            ...displayParams(params, work.language),
            ...(typeof params.remaining === 'number' ? { remainingMinutes: params.remaining } : {}),
          });
        }

        const before = { balance: permit.balance };
        const grantedBy = await actingAdmin(tx, work);
        const written = await unit.ledger.post(permitPot, {
          kind: 'careGrant',
          amount: decision.amount,
          createdById: grantedBy.id,
          at: work.now,
        });
        const grant = tx.create(CareGrant, {
          permit,
          minutes: decision.amount,
          carerStatement: statement,
          ledgerEntry: tx.getReference(LedgerEntry, written.id),
          grantedBy,
          createdAt: work.now,
        });
        recordChange(tx, work, {
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
        const granted = {
          grant,
          balanceAfter: written.balanceAfter,
          remainingMinutes: decision.remainingAfter,
        };
        if (alongside) await alongside(tx, granted);
        return granted;
      },
      { clear: true, sink: this.sink },
    );
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
