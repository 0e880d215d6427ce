import {
  OptimisticLockError,
  UniqueConstraintViolationException,
  type EntityManager,
} from '@mikro-orm/core';
import type { BalanceUnit } from '@parkeer/shared/balance-unit';
import { AppError } from '../../graphql/app-error.js';
import type { Viewer } from '../../graphql/viewer.js';
import { LedgerEntry } from '../../model/ledger-entry.entity.js';
import { permitPot } from '../ledger/ledger.js';
import {
  withPermitTransaction,
  type ChangeSink,
  type PermitWork,
} from '../ledger/permit-transaction.js';
import { Permit } from '../../model/permit.entity.js';
import type { ApplicationKind } from '../../model/permit-application.entity.js';
import type { PermitEvent } from '../session/permit-events.js';
import { ScheduledJob } from '../../model/scheduled-job.entity.js';
import type { PaymentUpdate } from './payment-provider.js';
import { Payment, type PaymentMethod, type PaymentStatus } from '../../model/payment.entity.js';
import { reasonNotToCredit } from './uncreditable-reason.js';
import { applicationPageUrl, topUpResultUrl } from './payment-result-url.js';
import { logger } from '../../logging/logger.js';

export interface PaymentView {
  readonly payment: Payment;
  readonly unit: BalanceUnit | null;
  /** The balance right after the credit; null while nothing was credited. */
  readonly balanceAfter: number | null;
}

export interface AppliedUpdate {
  readonly paymentId: string;
  /** The permit credited (or granted); null when none (yet). */
  readonly permitId: string | null;
  readonly status: PaymentStatus;
  /** False for a repeated, late or contradicting report: nothing changed. */
  readonly changed: boolean;
}

/**
 * Applies a report on a permit counter application's payment (purpose `permitApplication`): the
 * counter's `applyApplicationPayment`, handed in by the server so this module does not depend on
 * the counter that uses it (docs/architecture.md, Dependencies point one way).
 */
export type ApplicationPaymentHandler = (
  em: EntityManager,
  paymentId: string,
  reported: PaymentUpdate['status'],
  now: Date,
  sink: ChangeSink<PermitEvent> | null,
) => Promise<AppliedUpdate>;

/** What the simulated bank page shows. */
export interface CheckoutView {
  readonly paymentId: string;
  readonly status: PaymentStatus;
  readonly amount: number;
  readonly unit: BalanceUnit | null;
  readonly totalCents: number;
  readonly productName: string;
  readonly municipalityName: string;
  /** What a permit counter application's payment buys; null for a top-up. */
  readonly applicationKind: ApplicationKind | null;
  /** iDEAL or a card: the simulated bank shows the one chosen. */
  readonly method: PaymentMethod;
}

/** The bank page's payment, and where the browser goes afterwards. */
export interface CheckoutTarget extends CheckoutView {
  /** The top-up's result page, or the permit counter's page of the application. */
  readonly resultUrl: string;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const maxAttempts = 3;

/** Unit of the product a payment tops up; null for a payment that buys no balance. */
const unitOf = (permit: Permit | null | undefined): BalanceUnit | null =>
  permit ? (permit.productType.topUpPolicy?.unit ?? permit.productType.balanceUnit ?? null) : null;

/** Payments of top-ups: what their owner may see, and what the provider's webhooks change. */
export class PaymentService {
  /** `sink` hears, after the commit, the balance a credited payment wrote. */
  constructor(
    private readonly em: EntityManager,
    private readonly sink: ChangeSink<PermitEvent> | null = null,
    private readonly applicationPayments: ApplicationPaymentHandler | null = null,
  ) {}

  /** The viewer's own payment; anyone else's, like an unknown id, is NOT_FOUND. */
  async paymentForViewer(viewer: Viewer, paymentId: string): Promise<PaymentView> {
    if (!uuidPattern.test(paymentId)) throw new AppError('NOT_FOUND');
    const payment = await this.em.findOne(
      Payment,
      // A permit counter application's payment is shown with its application, not here.
      // A registration login's payments are its one permit's (docs/rules.md §6).
      viewer.permitOnly
        ? { id: paymentId, permit: viewer.permitOnly, purpose: 'topUp' }
        : { id: paymentId, account: viewer.accountId, purpose: 'topUp' },
      { populate: ['permit.productType'] },
    );
    if (!payment) throw new AppError('NOT_FOUND');
    const credit = await this.em.findOne(LedgerEntry, {
      payment: payment.id,
      pot: 'permit',
      kind: 'topUp',
    });
    return {
      payment,
      unit: unitOf(payment.permit),
      balanceAfter: credit?.balanceAfter ?? null,
    };
  }

  /** A permit's payments that were refunded instead of credited, newest first (back office). */
  async refundedPaymentsOf(permitId: string): Promise<PaymentView[]> {
    const payments = await this.em.find(
      Payment,
      { permit: permitId, status: 'refunded' },
      { populate: ['permit.productType'], orderBy: { createdAt: 'desc', id: 'desc' } },
    );
    return payments.map((payment) => ({
      payment,
      unit: unitOf(payment.permit),
      balanceAfter: null,
    }));
  }

  async checkoutView(provider: string, providerRef: string): Promise<CheckoutTarget | null> {
    const payment = await this.em.findOne(
      Payment,
      { provider, providerRef },
      {
        populate: [
          'permit.productType',
          'permit.municipality',
          'application.productType',
          'application.municipality',
        ],
      },
    );
    if (!payment) return null;
    const bought = payment.permit ?? payment.application!;
    return {
      paymentId: payment.id,
      status: payment.status,
      amount: payment.amount,
      unit: unitOf(payment.permit),
      totalCents: payment.totalCents,
      productName: bought.productType.name.nl,
      municipalityName: bought.municipality.name,
      applicationKind: payment.application?.kind ?? null,
      method: payment.method,
      resultUrl: payment.application
        ? applicationPageUrl(payment.application.id)
        : topUpResultUrl(payment),
    };
  }

  /**
   * Applies a verified webhook; null when no payment has that reference. Credits a paid payment
   * exactly once: the permit is locked before the payment's status is read, so concurrent
   * reports queue and the later ones find it paid; the unique (permit, idempotency key) of the
   * ledger is the backstop, and a conflict is retried to read the status again.
   */
  async applyUpdate(
    provider: string,
    update: PaymentUpdate,
    now: Date,
  ): Promise<AppliedUpdate | null> {
    const found = await this.em
      .fork()
      .findOne(
        Payment,
        { provider, providerRef: update.providerRef },
        { fields: ['id', 'permit', 'purpose'] },
      );
    if (!found) return null;
    if (found.purpose === 'permitApplication' || !found.permit) {
      // A permit counter application's payment: the counter grants what it paid for.
      if (!this.applicationPayments) return null;
      return this.applicationPayments(this.em, found.id, update.status, now, this.sink);
    }
    const permitId = found.permit.id;
    for (let attempt = 1; ; attempt++) {
      try {
        return await withPermitTransaction<AppliedUpdate, PermitEvent>(
          this.em,
          permitId,
          now,
          (unit) => this.applyLocked(unit, found.id, update, now),
          // Nothing read before the lock may be trusted: start the transaction with nothing.
          { clear: true, sink: this.sink },
        );
      } catch (error) {
        const conflict =
          error instanceof UniqueConstraintViolationException ||
          error instanceof OptimisticLockError;
        if (!conflict || attempt >= maxAttempts) throw error;
      }
    }
  }

  private async applyLocked(
    unit: PermitWork<PermitEvent>,
    paymentId: string,
    update: PaymentUpdate,
    now: Date,
  ): Promise<AppliedUpdate> {
    const { tx } = unit;
    const permitId = unit.permit.id;
    const permit = await tx.findOneOrFail(Permit, { id: permitId }, { refresh: true });
    const payment = await tx.findOneOrFail(Payment, paymentId);
    const unchanged = { paymentId, permitId, status: payment.status, changed: false };
    // Final states stay final: a paid payment is not cancelled afterwards, and a cancelled one
    // is not credited by a late or replayed 'paid'.
    if (payment.status !== 'open') return unchanged;

    if (update.status !== 'paid') {
      payment.status = update.status;
      payment.completedAt = now;
      return { paymentId, permitId, status: payment.status, changed: true };
    }
    const reason = await reasonNotToCredit(tx, permit, payment, now);
    if (reason) {
      // The money goes back: decided here, in the same commit as the status, and sent to the
      // provider by the job after the commit (retried until the provider takes it).
      payment.status = 'refunded';
      payment.refundReason = reason;
      payment.completedAt = now;
      tx.create(ScheduledJob, { kind: 'refundPayment', subject: payment.id, runAt: now });
      logger.warn({ paymentId, reason }, 'payment paid but not credited: it is refunded');
      return { paymentId, permitId, status: payment.status, changed: true };
    }
    await unit.ledger.post(permitPot, {
      kind: 'topUp',
      amount: payment.amount,
      paymentId: payment.id,
      idempotencyKey: `payment:${payment.id}`,
      createdById: payment.account.id,
      at: now,
    });
    payment.status = 'paid';
    payment.completedAt = now;
    return { paymentId, permitId, status: payment.status, changed: true };
  }
}
