import type { EntityManager } from '@mikro-orm/core';
import {
  administrationFeeCents,
  termFrom,
  termPriceCents,
} from '@parkeer/domain/counter/counter-term';
import {
  defaultOfferDays,
  freePlaces,
  nextInLine,
  offerDeadline,
  type QuotaSetting,
} from '@parkeer/domain/quota/quota';
import { localDateOf } from '@parkeer/domain/time/zoned-time';
import type { Language } from '@parkeer/shared/language';
import { PermitApplication } from '../../model/permit-application.entity.js';
import { ZoneQuota } from '../../model/zone-quota.entity.js';
import { actorForAccount, type Actor } from '../admin/admin-scope.js';
import { applicationSubject, recordChange } from '../audit/audit-log.js';
import { composeMail } from '../mail/mail-composer.js';
import { lastDayShown } from '../mail/mail-dates.js';
import { queueMail } from '../mail/mail-outbox.js';
import { applicationPageUrl } from '../payment/payment-result-url.js';
import {
  claimQuota,
  entryOf,
  placesHeld,
  waitingOn,
  type ClaimedQuota,
  type ListKey,
} from './quota-places.js';

/** How often the waiting lists' job looks for free places and lapsed offers. */
export const waitingListIntervalMs = 5 * 60_000;

const populated = ['productType', 'municipality', 'zone', 'applicant'] as const;

const languageOf = (application: PermitApplication): Language =>
  application.language === 'en' ? 'en' : 'nl';

const mailTo = (application: PermitApplication): string | null =>
  application.contactEmail ?? application.applicant.email ?? null;

/**
 * docs/rules.md §2 quotas (offer): offers the place to a waiting application, in the caller's
 * transaction, which holds the quota's claim. The term starts today at the earliest and is
 * priced again by the product's counter settings (the quote made when it joined may be months
 * old); it must be paid before the deadline, the end of the offer's last local day. The
 * applicant gets a mail with the link to the application's page, where they pay.
 */
export async function makeOffer(
  tx: EntityManager,
  application: PermitApplication,
  offerDays: number,
  actor: Actor,
  by: 'job' | 'admin',
): Promise<void> {
  const now = actor.now;
  const town = application.municipality;
  const settings = application.productType.counter;
  const before = {
    status: application.status,
    validFrom: application.validFrom,
    totalCents: application.totalCents,
  };
  if (settings) {
    const today = localDateOf(now, town.timeZone);
    const startsOn = localDateOf(application.validFrom, town.timeZone);
    const term = termFrom(startsOn > today ? startsOn : today, settings, town.timeZone);
    const priceCents = termPriceCents(term, settings);
    const feeCents = administrationFeeCents(settings, town.administrationFeeCents);
    application.validFrom = new Date(Math.max(now.getTime(), term.validFrom.getTime()));
    application.validUntil = term.validUntil;
    application.priceCents = priceCents;
    application.feeCents = feeCents;
    application.totalCents = priceCents + feeCents;
  }
  application.status = 'offered';
  application.offerExpiresAt = offerDeadline(now, offerDays, town.timeZone);
  recordChange(tx, actor, {
    action: 'waitingList.offer',
    subjectType: 'permitApplication',
    subjectId: application.id,
    subjectLabel: application.id.slice(0, 8).toUpperCase(),
    municipalityId: town.id,
    before,
    after: {
      status: application.status,
      offerExpiresAt: application.offerExpiresAt,
      validFrom: application.validFrom,
      totalCents: application.totalCents,
      by,
    },
  });
  const to = mailTo(application);
  if (to) {
    const language = languageOf(application);
    const productName = application.productType.name[language];
    const mail = composeMail(language, {
      subject: { message: 'QUOTA_OFFER_SUBJECT', values: { productName } },
      body: [
        {
          message: 'QUOTA_OFFER_BODY',
          values: {
            productName,
            addressLabel: application.addressLabel,
            lastDay: lastDayShown(application.offerExpiresAt, town.timeZone, language),
          },
        },
        { message: 'QUOTA_OFFER_PAY' },
        { link: applicationPageUrl(application.id) },
      ],
    });
    queueMail(tx, { to, ...mail }, now);
  }
}

/**
 * docs/rules.md §2 quotas (lapsed offer): an offer not paid by its deadline ends (cancelled);
 * its place goes to the next in line in the same transaction. Audited and mailed.
 */
function lapseOffer(tx: EntityManager, application: PermitApplication, now: Date): void {
  const before = { status: application.status, offerExpiresAt: application.offerExpiresAt };
  application.status = 'cancelled';
  application.decidedAt = now;
  recordChange(tx, actorForAccount(application.applicant.id, now), {
    action: 'waitingList.offerLapsed',
    ...applicationSubject(application),
    before,
    after: { status: application.status, by: 'job' },
  });
  const to = mailTo(application);
  if (!to) return;
  const language = languageOf(application);
  const productName = application.productType.name[language];
  const mail = composeMail(language, {
    subject: { message: 'QUOTA_OFFER_LAPSED_SUBJECT', values: { productName } },
    body: [
      {
        message: 'QUOTA_OFFER_LAPSED_BODY',
        values: { productName, addressLabel: application.addressLabel },
      },
    ],
  });
  queueMail(tx, { to, ...mail }, now);
}

/** What one pass over a list did. */
export interface ListPass {
  readonly lapsed: number;
  readonly offered: number;
}

/**
 * One list's turn (docs/rules.md §2 quotas, passing offers along), in one transaction holding
 * the quota's claim: offers past their deadline lapse, then every free place goes to the next
 * in line. A list whose quota was removed offers a place to everyone waiting.
 */
export async function passOffers(em: EntityManager, key: ListKey, now: Date): Promise<ListPass> {
  return em.transactional(async (tx) => {
    const quota: ClaimedQuota | null = await claimQuota(tx, key);
    const lapsing = await tx.find(
      PermitApplication,
      {
        zone: key.zoneId,
        productType: key.productTypeId,
        kind: 'new',
        status: 'offered',
        offerExpiresAt: { $lte: now },
      },
      { populate: populated },
    );
    for (const application of lapsing) lapseOffer(tx, application, now);
    await tx.flush();
    const [held, waiting] = await Promise.all([placesHeld(tx, key, now), waitingOn(tx, key)]);
    const setting: QuotaSetting | null = quota;
    const next = nextInLine(waiting.map(entryOf), freePlaces(setting, held));
    if (next.length > 0) {
      const chosen = await tx.find(
        PermitApplication,
        { id: { $in: next.map((entry) => entry.id) } },
        { populate: populated },
      );
      for (const application of chosen) {
        await makeOffer(
          tx,
          application,
          quota?.offerDays ?? defaultOfferDays,
          actorForAccount(application.applicant.id, now),
          'job',
        );
      }
    }
    await tx.flush();
    return { lapsed: lapsing.length, offered: next.length };
  });
}

/**
 * The waiting lists' job (docs/rules.md §2 quotas): every list with a quota or with someone
 * waiting or offered gets its turn, each in its own transaction. Runs every few minutes and
 * at once when a permit ends at the counter, so a place freed by any path (an end, a revoke, an
 * expiry, a move) reaches the first in line.
 */
export async function passWaitingLists(em: EntityManager, now: Date): Promise<ListPass> {
  const keys = new Map<string, ListKey>();
  const add = (zoneId: string, productTypeId: string) =>
    keys.set(`${zoneId}:${productTypeId}`, { zoneId, productTypeId });
  for (const quota of await em.find(ZoneQuota, {})) add(quota.zone.id, quota.productType.id);
  const waiting = await em.find(
    PermitApplication,
    { kind: 'new', status: { $in: ['waitlisted', 'offered'] }, zone: { $ne: null } },
    { fields: ['zone', 'productType'] },
  );
  for (const application of waiting) add(application.zone!.id, application.productType.id);
  let lapsed = 0;
  let offered = 0;
  for (const key of keys.values()) {
    const pass = await passOffers(em.fork(), key, now);
    lapsed += pass.lapsed;
    offered += pass.offered;
  }
  return { lapsed, offered };
}
