import type { EntityManager } from '@mikro-orm/core';
import { careGrantRoom, type CareGrantRoom } from '@parkeer/domain/balance/care-grant';
import type { CapPeriod } from '@parkeer/domain/balance/top-up-policy';
import {
  goodwillWaiverPolicy,
  type WaiverPolicy,
} from '@parkeer/domain/eligibility/goodwill-waiver';
import { decideCareGrant } from '@parkeer/domain/balance/care-grant';
import { parsePlate } from '@parkeer/domain/plate/plate';
import { isLocalDate } from '@parkeer/domain/time/local-date';
import { localDateOf } from '@parkeer/domain/time/zoned-time';
import type { Language } from '@parkeer/shared/language';
import { AppError, refuseProblems, type InputProblem } from '../../graphql/app-error.js';
import type { Viewer } from '../../graphql/viewer.js';
import { Account } from '../../model/account.entity.js';
import { CareGrant } from '../../model/care-grant.entity.js';
import { CareRequest } from '../../model/care-request.entity.js';
import { fineCheckFor } from '../enforcement/fine.service.js';
import { FineWaiver } from '../../model/fine-waiver.entity.js';
import type { Permit } from '../../model/permit.entity.js';
import { withPermitTransaction } from '../ledger/permit-transaction.js';
import { permitForViewer, type PermitNeed } from '../permit/permit-access.js';
import { displayParams } from '../top-up/top-up-message.js';
import { requiredText } from './request-scope.js';
import { checkWaiverAllowed } from './waiver-allowance.js';

/** A holder's work: who asks, when, through which unit of work, in which language. */
export interface HolderWork {
  readonly em: EntityManager;
  readonly viewer: Viewer;
  readonly now: Date;
  readonly language: Language;
}

export interface FileWaiverCommand {
  readonly permitId: string;
  readonly fineReference: string;
  readonly fineDate: string;
  readonly plate: string;
  readonly reason: string;
}

export interface FileCareCommand {
  readonly permitId: string;
  readonly minutes: number;
  readonly carerStatement: string;
}

/** What the care scheme of a product allows, with what counts against it so far. */
export interface CareScheme {
  readonly period: CapPeriod;
  readonly permitStart: string;
  /** Grants and pending requests, each as the cap counts it. */
  readonly counted: readonly { readonly at: Date; readonly minutes: number }[];
  readonly room: CareGrantRoom;
}

export interface HolderRequestsView {
  readonly permit: Permit;
  /** Null: the product has no goodwill scheme (only visitor permits do). */
  readonly waiverPolicy: WaiverPolicy | null;
  readonly care: CareScheme | null;
  readonly waivers: readonly FineWaiver[];
  readonly careRequests: readonly CareRequest[];
}

/** The fine number's column length; the other texts as the back office's forms take them. */
const maxReference = 40;
const maxText = 2000;

/**
 * The holder's own requests (docs/rules.md §9 goodwill waiver, §4 informal care): filed on their
 * own permit only (not as a delegate), checked by the same domain rules as at the counter before
 * they are stored, and left pending for an official of the town to decide.
 */
export class HolderRequestService {
  constructor(private readonly work: HolderWork) {}

  async overview(permitId: string): Promise<HolderRequestsView> {
    const permit = await this.ownPermit(permitId, 'read');
    const { em } = this.work;
    const [waivers, careRequests] = await Promise.all([
      em.find(FineWaiver, { permit: permit.id }, { orderBy: { requestedAt: 'desc', id: 'desc' } }),
      em.find(CareRequest, { permit: permit.id }, { orderBy: { requestedAt: 'desc', id: 'desc' } }),
    ]);
    return {
      permit,
      waiverPolicy: offersWaiver(permit) ? goodwillWaiverPolicy : null,
      care: await this.careScheme(em, permit),
      waivers,
      careRequests,
    };
  }

  async fileWaiver(command: FileWaiverCommand): Promise<FineWaiver> {
    const { work } = this;
    const problems: InputProblem[] = [];
    const reference = requiredText(problems, 'fineReference', command.fineReference, maxReference);
    const reason = requiredText(problems, 'reason', command.reason, maxText);
    const fineDate = command.fineDate.trim();
    if (!isLocalDate(fineDate)) problems.push({ code: 'REQUEST_DATE_INVALID', path: 'fineDate' });
    const plate = parsePlate(command.plate);
    if (!plate.ok) problems.push({ code: plate.reason, path: 'plate', params: plate.params });
    refuseProblems(problems);
    const permit = await this.ownPermit(command.permitId, 'own');
    if (!offersWaiver(permit)) throw new AppError('FINE_WAIVER_NOT_VISITOR_PERMIT');

    return withPermitTransaction(
      work.em,
      permit.id,
      work.now,
      async ({ tx }) => {
        await checkWaiverAllowed(tx, {
          permitId: permit.id,
          fineDate,
          requestedAt: work.now,
          timeZone: permit.municipality.timeZone,
          language: work.language,
        });
        return tx.create(FineWaiver, {
          permit: permit.id,
          fineReference: reference,
          fineCheck: await fineCheckFor(tx, permit.municipality.id, reference),
          fineDate,
          requestedAt: work.now,
          recordedBy: tx.getReference(Account, work.viewer.accountId),
          filedByHolder: true,
          plate: plate.ok ? plate.plate.normalised : null,
          holderReason: reason,
        });
      },
      { clear: true },
    );
  }

  /**
   * Files a request for care time if the cap has room for it, counting what was granted and what
   * is still pending: two requests filed together cannot promise the same hours twice. The cap is
   * judged again when an official approves (CareGrantService), against the grants of that day.
   */
  async fileCareHours(command: FileCareCommand): Promise<CareRequest> {
    const { work } = this;
    const problems: InputProblem[] = [];
    const statement = requiredText(problems, 'carerStatement', command.carerStatement, maxText);
    refuseProblems(problems);
    const permit = await this.ownPermit(command.permitId, 'own');
    const policy = permit.productType.topUpPolicy;
    if (!policy) throw new AppError('CARE_GRANT_NOT_OFFERED');

    return withPermitTransaction(
      work.em,
      permit.id,
      work.now,
      async ({ tx }) => {
        const timeZone = permit.municipality.timeZone;
        const counted = await countedCare(tx, permit.id);
        const decision = decideCareGrant({
          policy,
          requestedMinutes: command.minutes,
          grants: counted.map(({ at, minutes }) => ({ at, amount: minutes })),
          now: work.now,
          timeZone,
          permitStart: localDateOf(permit.validFrom, timeZone),
        });
        if (!decision.ok) {
          const params = decision.params ?? {};
          throw new AppError(decision.reason, {
            ...displayParams(params, work.language),
            ...(typeof params.remaining === 'number' ? { remainingMinutes: params.remaining } : {}),
          });
        }
        return tx.create(CareRequest, {
          permit: permit.id,
          minutes: decision.amount,
          carerStatement: statement,
          requestedBy: tx.getReference(Account, work.viewer.accountId),
          requestedAt: work.now,
        });
      },
      { clear: true },
    );
  }

  /** The viewer's own permit: a delegate may use a product, not ask the town on its behalf. */
  private async ownPermit(permitId: string, need: PermitNeed): Promise<Permit> {
    const { permit, delegation } = await permitForViewer(
      this.work.em,
      this.work.viewer,
      permitId,
      need,
    );
    if (delegation) throw new AppError('PRODUCT_OWNER_ONLY');
    return permit;
  }

  private async careScheme(em: EntityManager, permit: Permit): Promise<CareScheme | null> {
    const policy = permit.productType.topUpPolicy;
    if (!policy?.careGrant) return null;
    const timeZone = permit.municipality.timeZone;
    const permitStart = localDateOf(permit.validFrom, timeZone);
    const counted = await countedCare(em, permit.id);
    const room = careGrantRoom({
      policy,
      grants: counted.map(({ at, minutes }) => ({ at, amount: minutes })),
      now: this.work.now,
      timeZone,
      permitStart,
    });
    if (!room) return null;
    return { period: policy.careGrant.period, permitStart, counted, room };
  }
}

/** docs/rules.md §9: the goodwill scheme is for the holders of visitor permits. */
const offersWaiver = (permit: Permit) => permit.productType.kind === 'visitorPermit';

/** What counts against the care cap: the grants, and the requests still waiting for a decision. */
async function countedCare(em: EntityManager, permitId: string) {
  const [grants, pending] = await Promise.all([
    em.find(CareGrant, { permit: permitId }, { fields: ['minutes', 'createdAt'] }),
    em.find(
      CareRequest,
      { permit: permitId, status: 'pending' },
      { fields: ['minutes', 'requestedAt'] },
    ),
  ]);
  return [
    ...grants.map((grant) => ({ at: grant.createdAt, minutes: grant.minutes })),
    ...pending.map((request) => ({ at: request.requestedAt, minutes: request.minutes })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
}
