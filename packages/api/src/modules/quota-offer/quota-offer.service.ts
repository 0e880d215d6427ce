import type { EntityManager } from '@mikro-orm/core';
import { offerLapsed, positionOf } from '@parkeer/domain/quota/quota';
import type { Language } from '@parkeer/shared/language';
import { isUuid } from '../../db/uuid.js';
import { AppError } from '../../graphql/app-error.js';
import type { Viewer } from '../../graphql/viewer.js';
import { PermitApplication } from '../../model/permit-application.entity.js';
import { counterApplicant } from '../counter/counter-actor.js';
import { grantApplication } from '../counter/counter-grant.js';
import { checkoutFor, CounterService, type Submitted } from '../counter/counter.service.js';
import type { ChangeSink } from '../ledger/permit-transaction.js';
import { entryOf, waitingOn } from '../quota/quota-places.js';
import type { PermitEvent } from '../session/permit-events.js';
import { actorForAccount } from '../admin/admin-scope.js';
import { applicationSubject, recordChange } from '../audit/audit-log.js';

/** Where an application stands on its waiting list, as its applicant sees it. */
export interface WaitingPlace {
  readonly position: number | null;
  readonly offerExpiresAt: Date | null;
}

/**
 * The applicant's side of a waiting list (docs/rules.md §2 quotas): their place in line, and
 * paying an offered place through the counter's own payment and grant.
 */
export class QuotaOfferService {
  constructor(
    private readonly em: EntityManager,
    private readonly sink: ChangeSink<PermitEvent> | null = null,
  ) {}

  /** The position of a waiting application (1 first), or the deadline of an open offer. */
  async placeOf(applicationId: string): Promise<WaitingPlace> {
    const application = await this.em.findOne(PermitApplication, { id: applicationId });
    if (!application || !application.zone) return { position: null, offerExpiresAt: null };
    if (application.status === 'offered') {
      return { position: null, offerExpiresAt: application.offerExpiresAt ?? null };
    }
    if (application.status !== 'waitlisted') return { position: null, offerExpiresAt: null };
    const waiting = await waitingOn(this.em, {
      zoneId: application.zone.id,
      productTypeId: application.productType.id,
    });
    return { position: positionOf(waiting.map(entryOf), application.id), offerExpiresAt: null };
  }

  /**
   * docs/rules.md §2 quotas (offer): the applicant takes the offered place. It becomes an
   * application awaiting payment, which keeps the place, and pays at the provider as any counter
   * application does; the paid payment grants it. Nothing to pay grants it at once. A lapsed
   * offer is QUOTA_OFFER_LAPSED, anything else not offered QUOTA_NOT_OFFERED.
   */
  async payOffer(
    viewer: Viewer,
    applicationId: string,
    now: Date,
    language: Language,
  ): Promise<Submitted> {
    if (!isUuid(applicationId)) throw new AppError('NOT_FOUND');
    const { applicantId, actorId } = counterApplicant(viewer);
    const counter = new CounterService(this.em, this.sink);
    const found = await this.em.findOne(PermitApplication, {
      id: applicationId,
      applicant: applicantId,
    });
    if (!found) throw new AppError('NOT_FOUND');
    // Paid before (a second click): the checkout already opened.
    if (found.status === 'awaitingPayment') return counter.resume(found, 'new', language);
    const provider = checkoutFor(found.totalCents);
    await this.em.transactional(async (tx) => {
      const application = await tx.findOneOrFail(
        PermitApplication,
        { id: applicationId },
        { refresh: true, populate: ['municipality'] },
      );
      // Guarded move from offered: of two clicks at once, one opens the payment.
      const moved = await tx.nativeUpdate(
        PermitApplication,
        { id: applicationId, status: 'offered', offerExpiresAt: { $gt: now } },
        { status: 'awaitingPayment' },
      );
      if (moved !== 1) {
        if (application.status === 'offered' && offerLapsed(application.offerExpiresAt!, now)) {
          throw new AppError('QUOTA_OFFER_LAPSED');
        }
        throw new AppError('QUOTA_NOT_OFFERED');
      }
      application.status = 'awaitingPayment';
      recordChange(tx, actorForAccount(actorId, now), {
        action: 'waitingList.offerTaken',
        ...applicationSubject(application),
        before: { status: 'offered' },
        after: { status: 'awaitingPayment', totalCents: application.totalCents },
      });
      if (provider) counter.createPayment(tx, application, provider, actorId, now);
      await tx.flush();
      if (!provider) await grantApplication(tx, application.id, { at: now, decidedById: null });
    });
    const stored = await this.em.fork().findOneOrFail(PermitApplication, applicationId);
    return counter.resume(stored, 'new', language);
  }
}
