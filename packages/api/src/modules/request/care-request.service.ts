import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { isUuid } from '../../db/uuid.js';
import { AppError, refuseProblems, type InputProblem } from '../../graphql/app-error.js';
import { type Connection, newestFirstPage } from '../../graphql/connection.js';
import { CareRequest, type CareRequestStatus } from '../../model/care-request.entity.js';
import { adminTown, type AdminWork } from '../admin/admin-scope.js';
import { recordChange } from '../audit/audit-log.js';
import { withPermitTransaction, type ChangeSink } from '../ledger/permit-transaction.js';
import type { PermitEvent } from '../session/permit-events.js';
import { CareGrantService } from './care-grant.service.js';
import { queueDecisionMail } from './request-decision-mail.js';
import { actingAdmin, requiredText } from './request-scope.js';

export interface CareRequestDecision {
  readonly id: string;
  readonly approve: boolean;
  readonly reason: string;
}

export interface DecidedCareRequest {
  readonly request: CareRequest;
  /** Set when approved: the permit's balance after the grant, and the room left. */
  readonly balanceAfter: number | null;
  readonly remainingMinutes: number | null;
}

const maxReason = 2000;

const summary = (request: CareRequest) => ({
  permitId: request.permit.id,
  minutes: request.minutes,
  requestedAt: request.requestedAt.toISOString(),
  status: request.status,
  decisionReason: request.decisionReason ?? null,
  careGrantId: request.careGrant?.id ?? null,
});

/**
 * The town's queue of holders' requests for informal-care time (docs/rules.md §4). Approving one
 * grants its minutes through CareGrantService, so the cap is judged again and the ledger row, the
 * grant and the request's new status commit together; refusing needs a reason the holder sees.
 */
export class CareRequestService {
  constructor(
    private readonly work: AdminWork,
    private readonly sink: ChangeSink<PermitEvent> | null = null,
  ) {}

  private get em(): EntityManager {
    return this.work.em;
  }

  async list(
    status: CareRequestStatus | null,
    first: number,
    after: string | null,
  ): Promise<Connection<CareRequest>> {
    const where: FilterQuery<CareRequest> = {
      permit: { municipality: adminTown(this.work) },
      ...(status ? { status } : {}),
    };
    return newestFirstPage(this.em, CareRequest, where, 'requestedAt', { first, after }, [
      'permit',
      'requestedBy',
      'decidedBy',
    ]);
  }

  async decide(command: CareRequestDecision): Promise<DecidedCareRequest> {
    const problems: InputProblem[] = [];
    const reason = requiredText(problems, 'reason', command.reason, maxReason);
    refuseProblems(problems);
    const found = await this.ownRequest(this.em, command.id);
    if (found.status !== 'pending') {
      throw new AppError('CARE_REQUEST_ALREADY_DECIDED', { status: found.status });
    }
    if (!command.approve) return this.refuse(found.id, found.permit.id, reason);

    let decided: CareRequest | undefined;
    const granted = await new CareGrantService(this.work, this.sink).grant(
      { permitId: found.permit.id, minutes: found.minutes, carerStatement: found.carerStatement },
      async (tx, grant) => {
        decided = await this.markDecided(tx, found.id, 'approved', reason, (request) => {
          request.careGrant = grant.grant;
        });
      },
    );
    return {
      request: decided!,
      balanceAfter: granted.balanceAfter,
      remainingMinutes: granted.remainingMinutes,
    };
  }

  private async refuse(id: string, permitId: string, reason: string): Promise<DecidedCareRequest> {
    // The permit's lock orders this decision after any other on the same permit.
    const request = await withPermitTransaction(
      this.em,
      permitId,
      this.work.now,
      ({ tx }) => this.markDecided(tx, id, 'refused', reason),
      { clear: true },
    );
    return { request, balanceAfter: null, remainingMinutes: null };
  }

  /** Under the permit's lock: a request decided meanwhile stays as it was decided. */
  private async markDecided(
    tx: EntityManager,
    id: string,
    status: Exclude<CareRequestStatus, 'pending'>,
    reason: string,
    also?: (request: CareRequest) => void,
  ): Promise<CareRequest> {
    const { work } = this;
    const request = await this.ownRequest(tx, id);
    if (request.status !== 'pending') {
      throw new AppError('CARE_REQUEST_ALREADY_DECIDED', { status: request.status });
    }
    const before = summary(request);
    request.status = status;
    request.decisionReason = reason;
    request.decidedBy = await actingAdmin(tx, work);
    request.decidedAt = work.now;
    also?.(request);
    queueDecisionMail(
      tx,
      request.requestedBy,
      { kind: 'careHours', minutes: request.minutes },
      status === 'approved',
      reason,
      work.now,
    );
    recordChange(tx, work, {
      action: status === 'approved' ? 'careRequest.approve' : 'careRequest.refuse',
      subjectType: 'careRequest',
      subjectId: request.id,
      subjectLabel: request.permit.productCode,
      municipalityId: adminTown(work),
      before,
      after: summary(request),
    });
    return request;
  }

  private async ownRequest(em: EntityManager, id: string): Promise<CareRequest> {
    if (!isUuid(id)) throw new AppError('NOT_FOUND');
    const request = await em.findOne(
      CareRequest,
      { id, permit: { municipality: adminTown(this.work) } },
      { populate: ['permit', 'requestedBy', 'decidedBy'], refresh: true },
    );
    if (!request) throw new AppError('NOT_FOUND');
    return request;
  }
}
