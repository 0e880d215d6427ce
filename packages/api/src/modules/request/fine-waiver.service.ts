import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import type { WaiverStatus } from '@parkeer/domain/eligibility/goodwill-waiver';
import { isLocalDate } from '@parkeer/domain/time/local-date';
import { isUuid } from '../../db/uuid.js';
import { AppError, refuseProblems, type InputProblem } from '../../graphql/app-error.js';
import { type Connection, newestFirstPage } from '../../graphql/connection.js';
import { adminTown, type AdminWork } from '../admin/admin-scope.js';
import { recordChange } from '../audit/audit-log.js';
import { lockPermit } from '../ledger/balance-book.js';
import { fineCheckFor } from '../enforcement/fine.service.js';
import { FineWaiver } from '../../model/fine-waiver.entity.js';
import { actingAdmin, ownTownPermit, requiredText } from './request-scope.js';
import { queueDecisionMail } from './request-decision-mail.js';
import { checkWaiverAllowed } from './waiver-allowance.js';

export interface RecordFineWaiverCommand {
  readonly permitId: string;
  readonly fineReference: string;
  readonly fineDate: string;
  /** When the holder asked; default now. */
  readonly requestedAt?: Date | null;
}

export interface FineWaiverDecision {
  readonly id: string;
  readonly approve: boolean;
  readonly reason: string;
}

/** The fine number's column length. */
const maxReference = 40;
const maxReason = 2000;

const summary = (waiver: FineWaiver) => ({
  permitId: waiver.permit.id,
  fineReference: waiver.fineReference,
  fineDate: waiver.fineDate,
  filedByHolder: waiver.filedByHolder,
  requestedAt: waiver.requestedAt.toISOString(),
  status: waiver.status,
  decisionReason: waiver.decisionReason ?? null,
});

/**
 * Goodwill fine waivers (docs/rules.md §9, 004): one fine per calendar year per visitor permit, asked
 * within a month of the fine's date. The town records the request (the domain decides whether it
 * may be made at all), then an official approves or refuses it with a reason, once.
 */
export class FineWaiverService {
  constructor(private readonly work: AdminWork) {}

  private get em(): EntityManager {
    return this.work.em;
  }

  async record(command: RecordFineWaiverCommand): Promise<FineWaiver> {
    const { work } = this;
    const problems: InputProblem[] = [];
    const reference = requiredText(problems, 'fineReference', command.fineReference, maxReference);
    const fineDate = command.fineDate.trim();
    if (!isLocalDate(fineDate)) problems.push({ code: 'REQUEST_DATE_INVALID', path: 'fineDate' });
    refuseProblems(problems);
    const requestedAt = command.requestedAt ?? work.now;
    if (requestedAt.getTime() > work.now.getTime()) {
      throw new AppError('FINE_WAIVER_REQUEST_IN_FUTURE');
    }
    const found = await ownTownPermit(this.em, work, command.permitId);
    if (found.productType.kind !== 'visitorPermit') {
      throw new AppError('FINE_WAIVER_NOT_VISITOR_PERMIT');
    }

    return this.em.transactional(
      async (tx) => {
        // The permit's lock makes two requests recorded at once count each other.
        const permit = await lockPermit(tx, found.id);
        if (!permit) throw new AppError('NOT_FOUND');
        await tx.populate(permit, ['municipality']);
        await checkWaiverAllowed(tx, {
          permitId: permit.id,
          fineDate,
          requestedAt,
          timeZone: permit.municipality.timeZone,
          language: work.language,
        });
        const waiver = tx.create(FineWaiver, {
          permit,
          fineReference: reference,
          fineCheck: await fineCheckFor(tx, permit.municipality.id, reference),
          fineDate,
          requestedAt,
          recordedBy: await actingAdmin(tx, work),
        });
        recordChange(tx, work, {
          action: 'fineWaiver.record',
          subjectType: 'fineWaiver',
          subjectId: waiver.id,
          subjectLabel: `${permit.productCode} ${reference}`,
          municipalityId: permit.municipality.id,
          before: null,
          after: summary(waiver),
        });
        return waiver;
      },
      { clear: true },
    );
  }

  /** Approves or refuses a pending request; a decided one stays as it was decided. */
  async decide(command: FineWaiverDecision): Promise<FineWaiver> {
    const { work } = this;
    const problems: InputProblem[] = [];
    const reason = requiredText(problems, 'reason', command.reason, maxReason);
    refuseProblems(problems);
    const found = await this.ownWaiver(this.em, command.id);

    return this.em.transactional(
      async (tx) => {
        // Under the permit's lock a second decision made at the same time finds the first.
        await lockPermit(tx, found.permit.id);
        const waiver = await this.ownWaiver(tx, found.id);
        if (waiver.status !== 'pending') {
          throw new AppError('FINE_WAIVER_ALREADY_DECIDED', { status: waiver.status });
        }
        const before = summary(waiver);
        const status: WaiverStatus = command.approve ? 'approved' : 'refused';
        waiver.status = status;
        waiver.decisionReason = reason;
        waiver.decidedBy = await actingAdmin(tx, work);
        waiver.decidedAt = work.now;
        // A holder who asked in the app hears the decision; one asked at the counter is told there.
        if (waiver.filedByHolder) {
          queueDecisionMail(
            tx,
            waiver.recordedBy,
            { kind: 'fineWaiver', fineReference: waiver.fineReference },
            command.approve,
            reason,
            work.now,
          );
        }
        recordChange(tx, work, {
          action: command.approve ? 'fineWaiver.approve' : 'fineWaiver.refuse',
          subjectType: 'fineWaiver',
          subjectId: waiver.id,
          subjectLabel: `${waiver.permit.productCode} ${waiver.fineReference}`,
          municipalityId: adminTown(work),
          before,
          after: summary(waiver),
        });
        return waiver;
      },
      { clear: true },
    );
  }

  /** The town's requests, newest request first, optionally of one status. */
  async list(
    status: WaiverStatus | null,
    first: number,
    after: string | null,
  ): Promise<Connection<FineWaiver>> {
    const where: FilterQuery<FineWaiver> = {
      permit: { municipality: adminTown(this.work) },
      ...(status ? { status } : {}),
    };
    return newestFirstPage(this.em, FineWaiver, where, 'requestedAt', { first, after }, [
      'permit',
      'recordedBy',
      'decidedBy',
    ]);
  }

  private async ownWaiver(em: EntityManager, id: string): Promise<FineWaiver> {
    if (!isUuid(id)) throw new AppError('NOT_FOUND');
    const waiver = await em.findOne(
      FineWaiver,
      { id, permit: { municipality: adminTown(this.work) } },
      { populate: ['permit', 'recordedBy', 'decidedBy'], refresh: true },
    );
    if (!waiver) throw new AppError('NOT_FOUND');
    return waiver;
  }
}
