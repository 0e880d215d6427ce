import { randomUUID } from 'node:crypto';
import {
  OptimisticLockError,
  UniqueConstraintViolationException,
  type EntityManager,
} from '@mikro-orm/core';
import { formatPlate } from '@parkeer/domain/plate/plate';
import type { Language } from '@parkeer/shared/language';
import { AppError } from '../../graphql/app-error.js';
import { logger } from '../../logging/logger.js';
import { Account } from '../../model/account.entity.js';
import { Payment } from '../../model/payment.entity.js';
import { PermitApplication, type ApplicationKind } from '../../model/permit-application.entity.js';
import type { LetterKind, PermitDocument } from '../../model/permit-document.entity.js';
import { PermitPlate } from '../../model/permit-plate.entity.js';
import { Permit } from '../../model/permit.entity.js';
import { ScheduledJob } from '../../model/scheduled-job.entity.js';
import { actorForAccount } from '../admin/admin-scope.js';
import { applicationSubject, recordChange } from '../audit/audit-log.js';
import { permitPot } from '../ledger/ledger.js';
import { UnitOfWork, withUnitOfWork, type ChangeSink } from '../ledger/permit-transaction.js';
import { requestLetter, type LetterData } from '../letter/letter-request.js';
import { createPermit } from '../permit/permit-create.js';
import type { PermitEvent } from '../session/permit-events.js';

/** Who decided, and when: the payment's webhook (no one) or an official after review. */
export interface GrantDecision {
  readonly at: Date;
  /** The official who approved after review; null when the paid payment granted it. */
  readonly decidedById: string | null;
  /** The official's words, on the letter. */
  readonly reason?: string | null;
}

export interface GrantedApplication {
  readonly application: PermitApplication;
  readonly permit: Permit;
  readonly letter: PermitDocument;
}

/** The application's language (the entity's type also admits its ORM brand). */
export const languageOf = (application: PermitApplication): Language =>
  application.language === 'en' ? 'en' : 'nl';

/** The letter each kind of grant gets. */
const letterOfGrant: Readonly<Record<ApplicationKind, LetterKind>> = {
  new: 'granted',
  renewal: 'extended',
  plateChange: 'changed',
};

const populated = ['productType', 'municipality', 'zone', 'applicant', 'permit'] as const;

/** Loads an application with what granting it reads. */
export function loadApplication(tx: EntityManager, applicationId: string) {
  return tx.findOneOrFail(
    PermitApplication,
    { id: applicationId },
    { populate: populated, refresh: true },
  );
}

/** What a letter states about an application and its permit (docs/rules.md §1, letters). */
export function letterDataOf(
  application: PermitApplication,
  permit: Permit | null,
  extra: { readonly refundCents?: number | null; readonly reason?: string | null } = {},
): LetterData {
  const town = application.municipality;
  const plates = application.plates.map(({ plate, country }) => formatPlate(plate, country));
  const validUntil = permit?.validUntil ?? application.validUntil ?? null;
  return {
    language: languageOf(application),
    town: { name: town.name, logoUrl: town.logoUrl ?? null },
    recipient: { name: null, addressLabel: application.addressLabel },
    product: {
      name: application.productType.name[languageOf(application)],
      kind: application.productType.kind,
    },
    zone: application.zone ? { code: application.zone.code, name: application.zone.name } : null,
    plates,
    validFrom: (permit && application.kind === 'new'
      ? permit.validFrom
      : application.validFrom
    ).toISOString(),
    validUntil: validUntil ? validUntil.toISOString() : null,
    amounts: {
      priceCents: application.priceCents,
      feeCents: application.feeCents,
      totalCents: application.totalCents,
      refundCents: extra.refundCents ?? null,
    },
    productCode:
      permit && application.productType.kind === 'visitorPermit' ? permit.productCode : null,
    reason: extra.reason ?? application.decisionReason ?? null,
    reference: application.id.slice(0, 8).toUpperCase(),
  };
}

/** The paid payment of an application, if any. */
export const paymentOfApplication = (tx: EntityManager, applicationId: string) =>
  tx.findOne(Payment, { application: applicationId }, { orderBy: { createdAt: 'desc' } });

/**
 * Puts `plate` on the permit as its only active plate, in one transaction: the old active
 * plate's right ends the moment the new one's starts (docs/rules.md §1, plate change). Native
 * statements in this order: the unique active slot must be free before it is taken.
 */
export async function switchActivePlate(
  tx: EntityManager,
  permit: Permit,
  plate: { readonly plate: string; readonly country: string },
): Promise<void> {
  const plates = await tx.find(PermitPlate, { permit: permit.id });
  const active = plates.find((candidate) => candidate.activeSlot != null) ?? null;
  const registered = plates.find((candidate) => candidate.plate === plate.plate) ?? null;
  await tx.nativeUpdate(PermitPlate, { permit: permit.id }, { activeSlot: null });
  if (active && active.id !== registered?.id) await tx.nativeDelete(PermitPlate, { id: active.id });
  if (registered) {
    await tx.nativeUpdate(
      PermitPlate,
      { id: registered.id },
      { activeSlot: permit.id, country: plate.country },
    );
  } else {
    await tx.insert(PermitPlate, {
      id: randomUUID(),
      permit: permit.id,
      plate: plate.plate,
      country: plate.country,
      activeSlot: permit.id,
    });
  }
  for (const loaded of plates) tx.getUnitOfWork().unsetIdentity(loaded);
}

/**
 * Makes an application's decision take effect, in the caller's transaction (docs/rules.md §1,
 * The permit counter): a new application becomes an active permit of the applicant with its
 * plates (the right-check answers for the plate from `validFrom`), a renewal moves the permit's
 * end to the new term's, a plate change puts the new plate on. The money paid is booked as a
 * `permitFee` row on the permit's ledger (amount 0: a permit without balance), the decision gets
 * its letter (mailed to the contact address) and an audit entry.
 *
 * Called by the payment's webhook (`applyApplicationPayment`) and by the back office when an
 * official approves an application that awaits review. Refuses with PERMIT_ADDRESS_TAKEN when
 * the address's one place went to another permit meanwhile, and COUNTER_PERMIT_NOT_ACTIVE for a
 * renewal or plate change of a permit that ended; the caller decides what then happens to the
 * money (`refuseApplication`). Must run inside a transaction (`em.transactional`).
 */
export async function grantApplication(
  tx: EntityManager,
  applicationId: string,
  decision: GrantDecision,
): Promise<GrantedApplication> {
  const application = await loadApplication(tx, applicationId);
  if (application.status !== 'awaitingPayment' && application.status !== 'awaitingReview') {
    throw new AppError('COUNTER_CHANGE_PENDING');
  }
  const { at } = decision;
  const payment = await paymentOfApplication(tx, application.id);
  // Granted only once paid (or free): an official cannot approve what is still being paid.
  if (payment && payment.status !== 'paid') throw new AppError('COUNTER_NOT_PAID');
  let permit: Permit;
  let pin: string | null = null;
  if (application.kind === 'new') {
    const productType = application.productType;
    if (productType.onePerAddress) {
      const taken = await tx.count(Permit, {
        productType: productType.id,
        addressSlot: application.addressKey,
      });
      if (taken > 0) {
        throw new AppError('PERMIT_ADDRESS_TAKEN', {
          product: productType.name[languageOf(application)],
        });
      }
    }
    if (!application.zone) throw new AppError('ELIGIBILITY_ADDRESS_OUTSIDE_PERMIT_ZONE');
    const created = await createPermit(tx, {
      municipalityId: application.municipality.id,
      productType,
      zone: application.zone,
      holderId: application.applicant.id,
      holderType: application.holderType,
      addressKey: application.addressKey,
      addressLabel: application.addressLabel,
      // Valid from the moment it is granted when its start day has come.
      validFrom: new Date(Math.max(at.getTime(), application.validFrom.getTime())),
      validUntil: application.validUntil ?? null,
      plates: application.plates,
      at,
    });
    permit = created.permit;
    pin = productType.kind === 'visitorPermit' ? created.pin : null;
    await tx.flush();
  } else {
    permit = await tx.findOneOrFail(Permit, { id: application.permit!.id }, { refresh: true });
    if (permit.status !== 'active') throw new AppError('COUNTER_PERMIT_NOT_ACTIVE');
    // A renewal buys the term after the current end: another renewal that took effect first
    // (two filed at once) leaves this one nothing to buy.
    if (
      application.kind === 'renewal' &&
      permit.validUntil?.getTime() !== application.validFrom.getTime()
    ) {
      throw new AppError('COUNTER_RENEWAL_NOT_POSSIBLE');
    }
  }

  const unit = new UnitOfWork<PermitEvent>(tx);
  const work = (await unit.lockPermit(permit.id))!;
  if (application.kind === 'renewal') {
    permit.validUntil = application.validUntil ?? null;
  } else if (application.kind === 'plateChange') {
    await switchActivePlate(tx, permit, application.plates[0]!);
  }
  await work.ledger.post(permitPot, {
    kind: 'permitFee',
    amount: 0,
    moneyCents: application.totalCents,
    paymentId: payment?.id ?? null,
    idempotencyKey: `application:${application.id}`,
    createdById: application.actor.id,
    at,
  });
  if (payment) payment.permit = permit;

  const before = { status: application.status };
  application.status = 'granted';
  application.permit = permit;
  application.decidedAt = at;
  application.decidedBy = decision.decidedById
    ? tx.getReference(Account, decision.decidedById)
    : null;
  if (decision.reason) application.decisionReason = decision.reason;

  const letter = requestLetter(tx, {
    kind: letterOfGrant[application.kind],
    municipalityId: application.municipality.id,
    permitId: permit.id,
    applicationId: application.id,
    data: letterDataOf(application, permit),
    pin,
    mailTo: application.contactEmail ?? application.applicant.email,
    createdById: decision.decidedById,
    at,
  });
  recordChange(tx, actorForAccount(decision.decidedById ?? application.actor.id, at), {
    action: 'permitApplication.grant',
    subjectType: 'permitApplication',
    subjectId: application.id,
    subjectLabel: permit.productCode,
    municipalityId: application.municipality.id,
    before,
    after: {
      status: application.status,
      kind: application.kind,
      permitId: permit.id,
      validFrom: permit.validFrom,
      validUntil: permit.validUntil,
      plates: application.plates,
      totalCents: application.totalCents,
    },
  });
  await tx.flush();
  return { application, permit, letter };
}

/**
 * Refuses an application in the caller's transaction: status refused with the reason, a paid
 * payment goes back whole (`refundPayment` job, reason applicationRefused), the refused letter
 * and the audit entry. Used when the rules refuse at payment time (the address's one place
 * went to another application first) and by the back office when an official refuses.
 */
export async function refuseApplication(
  tx: EntityManager,
  applicationId: string,
  decision: GrantDecision & { readonly reason: string },
): Promise<PermitApplication> {
  const application = await loadApplication(tx, applicationId);
  const { at } = decision;
  const before = { status: application.status };
  const payment = await paymentOfApplication(tx, application.id);
  let refundCents: number | null = null;
  if (payment && payment.status === 'paid') {
    payment.status = 'refunded';
    payment.refundReason = 'applicationRefused';
    payment.refundCents = payment.totalCents;
    refundCents = payment.totalCents;
    tx.create(ScheduledJob, { kind: 'refundPayment', subject: payment.id, runAt: at });
  }
  application.status = 'refused';
  application.decidedAt = at;
  application.decisionReason = decision.reason;
  application.decidedBy = decision.decidedById
    ? tx.getReference(Account, decision.decidedById)
    : null;
  requestLetter(tx, {
    kind: 'refused',
    municipalityId: application.municipality.id,
    permitId: application.permit?.id ?? null,
    applicationId: application.id,
    data: letterDataOf(application, null, { refundCents, reason: decision.reason }),
    mailTo: application.contactEmail ?? application.applicant.email,
    createdById: decision.decidedById,
    at,
  });
  recordChange(tx, actorForAccount(decision.decidedById ?? application.actor.id, at), {
    action: 'permitApplication.refuse',
    ...applicationSubject(application),
    before,
    after: { status: application.status, reason: decision.reason, refundCents },
  });
  await tx.flush();
  return application;
}

/** What a provider's report did to an application's payment. */
export interface AppliedApplicationPayment {
  readonly paymentId: string;
  readonly permitId: string | null;
  readonly status: Payment['status'];
  readonly changed: boolean;
}

const maxAttempts = 3;

/**
 * docs/rules.md §1 (paid application): applies a provider's verified report on an application's
 * payment in one transaction. Paid: the payment is paid and the application granted (or, with
 * a review case, left to an official: awaitingReview); when the rules refuse at that moment (the
 * address's one place was taken by another paid application) it is refused and the money goes
 * back. Cancelled, failed or expired: the application is cancelled. Only the first report of an
 * open payment changes anything: the status moves from open in one guarded statement, so a
 * second webhook finds nothing to do. A clash on the address's one place is tried again, and
 * the retry sees the place taken.
 */
export async function applyApplicationPayment(
  em: EntityManager,
  paymentId: string,
  reported: Exclude<Payment['status'], 'open' | 'refunded'>,
  now: Date,
  sink: ChangeSink<PermitEvent> | null = null,
): Promise<AppliedApplicationPayment> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await withUnitOfWork<AppliedApplicationPayment, PermitEvent>(
        em,
        now,
        async (unit) => {
          const tx = unit.tx;
          const moved = await tx.nativeUpdate(
            Payment,
            { id: paymentId, status: 'open' },
            { status: reported, completedAt: now },
          );
          const payment = await tx.findOneOrFail(Payment, paymentId, { refresh: true });
          if (moved === 0) {
            return {
              paymentId,
              permitId: payment.permit?.id ?? null,
              status: payment.status,
              changed: false,
            };
          }
          const application = await loadApplication(tx, payment.application!.id);
          if (reported !== 'paid') {
            application.status = 'cancelled';
            application.decidedAt = now;
            await tx.flush();
            return { paymentId, permitId: null, status: reported, changed: true };
          }
          // A stated case, a registry that did not answer, a rule that asks for an official (a
          // departed holder, docs/rules.md §2), or a product whose every application
          // an official reads (a care permit's statement, docs/rules.md §1 care permit).
          if (
            application.reviewCases.length > 0 ||
            application.unansweredRegistries.length > 0 ||
            application.reviewReasons.length > 0 ||
            (application.kind === 'new' && application.productType.counter?.alwaysReviewed === true)
          ) {
            application.status = 'awaitingReview';
            await tx.flush();
            return { paymentId, permitId: null, status: 'paid', changed: true };
          }
          try {
            const { permit } = await grantApplication(tx, application.id, {
              at: now,
              decidedById: null,
            });
            return { paymentId, permitId: permit.id, status: 'paid', changed: true };
          } catch (error) {
            if (!(error instanceof AppError)) throw error;
            logger.warn(
              { paymentId, applicationId: application.id, reason: error.code },
              'paid application refused at payment: the money goes back',
            );
            await refuseApplication(tx, application.id, {
              at: now,
              decidedById: null,
              reason: error.code,
            });
            return { paymentId, permitId: null, status: 'refunded', changed: true };
          }
        },
        { clear: true, sink },
      );
    } catch (error) {
      const conflict =
        error instanceof UniqueConstraintViolationException || error instanceof OptimisticLockError;
      if (!conflict || attempt >= maxAttempts) throw error;
    }
  }
}
