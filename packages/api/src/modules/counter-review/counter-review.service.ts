import { accountLabel } from '../../model/account.entity.js';
import { LockMode, type EntityManager, type FilterQuery } from '@mikro-orm/core';
import type { MessageParams } from '@parkeer/shared/messages/error-catalogue';
import { isPostgres } from '../../db/dialect.js';
import { isUuid } from '../../db/uuid.js';
import { AppError, refuseProblems, type InputProblem } from '../../graphql/app-error.js';
import { type Connection, newestFirstPage } from '../../graphql/connection.js';
import { Payment, type PaymentMethod } from '../../model/payment.entity.js';
import {
  PermitApplication,
  type ApplicationStatus,
} from '../../model/permit-application.entity.js';
import { PermitDocument } from '../../model/permit-document.entity.js';
import { adminTown, type AdminWork } from '../admin/admin-scope.js';
import { requiredText } from '../request/request-scope.js';
import { grantApplication, refuseApplication } from '../counter/counter-grant.js';
import { applicationEligibility } from '../counter/counter-eligibility.js';

/** What the back office shows beside an application's own columns. */
export interface ApplicationExtras {
  readonly paymentStatus: string | null;
  /** How the latest payment was made or is being made; null when nothing was paid. */
  readonly paymentMethod: PaymentMethod | null;
  /** Its letters and uploads, newest first. */
  readonly documents: readonly PermitDocument[];
}

/** One rule's outcome: an error code of the shared catalogue with its values. */
export interface RuleOutcome {
  readonly rule: string;
  readonly params?: MessageParams;
}

export interface ReviewedApplication {
  readonly application: PermitApplication;
  readonly extras: ApplicationExtras;
  readonly applicantLabel: string;
  readonly actorLabel: string | null;
  readonly eligibility: readonly RuleOutcome[];
}

export interface ApplicationDecision {
  readonly applicationId: string;
  readonly approve: boolean;
  readonly reason?: string | null;
}

const maxReason = 2000;
const populate = ['productType', 'zone', 'permit', 'municipality', 'applicant', 'actor'] as const;

/**
 * The town's queue of counter applications an official decides (docs/rules.md §1): those whose
 * applicant stated a case the rules cannot decide (a lease car, a private parking space), paid
 * and waiting. Granting runs the same grant as a confirmed payment; refusing gives the money back
 * through the provider. Either writes the letter, its mail and the audit entry in the decision's
 * own transaction, so a decision is never half made.
 */
export class CounterReviewService {
  constructor(private readonly work: AdminWork) {}

  private get em(): EntityManager {
    return this.work.em;
  }

  async list(
    status: ApplicationStatus | null,
    first: number,
    after: string | null,
  ): Promise<{ page: Connection<PermitApplication>; extras: Map<string, ApplicationExtras> }> {
    const where: FilterQuery<PermitApplication> = {
      municipality: adminTown(this.work),
      ...(status ? { status } : {}),
    };
    const page = await newestFirstPage(
      this.em,
      PermitApplication,
      where,
      'createdAt',
      { first, after },
      ['productType', 'zone', 'permit'],
    );
    const extras = await this.extrasOf(page.edges.map((edge) => edge.node.id));
    return { page, extras };
  }

  async get(id: string): Promise<ReviewedApplication> {
    return this.reviewed(await this.ownApplication(this.em, id));
  }

  async decide(decision: ApplicationDecision): Promise<ReviewedApplication> {
    const problems: InputProblem[] = [];
    const given = decision.reason ?? '';
    // Refusing needs a reason the applicant reads in the letter; granting may say one.
    const reason = decision.approve
      ? given.trim() === ''
        ? null
        : requiredText(problems, 'reason', given, maxReason)
      : requiredText(problems, 'reason', given, maxReason);
    refuseProblems(problems);
    // Another town's application is not found before anything is locked.
    const { id } = await this.ownApplication(this.em, decision.applicationId);

    const decidedBy = { at: this.work.now, decidedById: this.work.viewer!.accountId };
    await this.em.transactional(async (tx) => {
      const application = await this.ownApplication(tx, id, true);
      if (application.status === 'awaitingPayment') {
        throw new AppError('APPLICATION_NOT_AWAITING_REVIEW');
      }
      if (application.status !== 'awaitingReview') {
        throw new AppError('APPLICATION_ALREADY_DECIDED', { status: application.status });
      }
      // The counter's own grant and refusal: the same permit, ledger row, refund, letter and
      // audit entry as when a payment decides, here with the official as the one who decided.
      if (decision.approve) {
        await grantApplication(tx, id, { ...decidedBy, reason });
      } else {
        await refuseApplication(tx, id, { ...decidedBy, reason: reason! });
      }
    });
    this.em.clear();
    return this.get(id);
  }

  private async reviewed(application: PermitApplication): Promise<ReviewedApplication> {
    const extras = (await this.extrasOf([application.id])).get(application.id)!;
    const applicant = application.applicant;
    const actor = application.actor;
    return {
      application,
      extras,
      applicantLabel: application.contactEmail ?? accountLabel(applicant),
      actorLabel: actor.id === applicant.id ? null : accountLabel(actor),
      // The counter's own judgement of a stored application (docs/rules.md §2), as it stands now.
      eligibility: (await applicationEligibility(this.em, application.id, this.work.now)).map(
        (outcome) => ({ rule: outcome.rule, params: outcome.params ?? undefined }),
      ),
    };
  }

  /** The latest payment's status and the documents of each application, in two queries. */
  private async extrasOf(ids: readonly string[]): Promise<Map<string, ApplicationExtras>> {
    const extras = new Map<
      string,
      {
        paymentStatus: string | null;
        paymentMethod: PaymentMethod | null;
        documents: PermitDocument[];
      }
    >(ids.map((id) => [id, { paymentStatus: null, paymentMethod: null, documents: [] }]));
    if (ids.length === 0) return extras;
    const [payments, documents] = await Promise.all([
      this.em.find(
        Payment,
        { application: { $in: [...ids] } },
        { orderBy: { createdAt: 'asc', id: 'asc' } },
      ),
      this.em.find(
        PermitDocument,
        { application: { $in: [...ids] } },
        { orderBy: { createdAt: 'desc', id: 'desc' } },
      ),
    ]);
    // Ascending: the last one seen is the latest attempt.
    for (const payment of payments) {
      const extra = extras.get(payment.application!.id)!;
      extra.paymentStatus = payment.status;
      extra.paymentMethod = payment.method;
    }
    for (const document of documents)
      extras.get(document.application!.id)!.documents.push(document);
    return extras;
  }

  /**
   * The application if it is of the admin's town; an unknown, malformed or other town's id is
   * NOT_FOUND. `lock`: read under a row lock (PostgreSQL), so two officials deciding at once
   * are ordered and the second finds it decided.
   */
  private async ownApplication(
    em: EntityManager,
    id: string,
    lock = false,
  ): Promise<PermitApplication> {
    if (!isUuid(id)) throw new AppError('NOT_FOUND');
    const where = { id, municipality: adminTown(this.work) };
    if (lock && isPostgres(em)) {
      await em.findOne(PermitApplication, where, { lockMode: LockMode.PESSIMISTIC_WRITE });
    }
    const application = await em.findOne(PermitApplication, where, {
      populate,
      refresh: lock,
    });
    if (!application) throw new AppError('NOT_FOUND');
    return application;
  }
}
