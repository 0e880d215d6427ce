import type { EntityManager } from '@mikro-orm/core';
import { endDateOf } from '@parkeer/domain/counter/counter-term';
import { addDays } from '@parkeer/domain/time/local-date';
import { startOfDay } from '@parkeer/domain/time/zoned-time';
import type { Language } from '@parkeer/shared/language';
import { Permit } from '../../model/permit.entity.js';
import { publicAppUrl } from '../auth/email-link.js';
import { latestContactEmail } from '../letter/letter-recipient.js';
import { composeMail } from '../mail/mail-composer.js';
import { lastDayShown } from '../mail/mail-dates.js';
import { queueMail } from '../mail/mail-outbox.js';

/** How often the reminder job looks for permits that end soon. */
export const reminderIntervalMs = 60 * 60_000;

/** The renewal page of a permit in the web app: the link in the reminder. */
export const renewalPageUrl = (permitId: string): string =>
  `${publicAppUrl()}/vergunningen/${encodeURIComponent(permitId)}/verlengen`;

/**
 * docs/rules.md §1 (reminders): mails each holder of an active counter permit whose term ends
 * within the product's `reminderDaysBefore` days, with the link to renew it; once per permit
 * and term. The permit's `remindedUntil` is set to the term's end by a guarded statement in
 * the transaction that queues the mail, so two runs at once send one mail.
 */
export async function sendPermitReminders(em: EntityManager, now: Date): Promise<number> {
  const permits = await em.find(
    Permit,
    { status: 'active', validUntil: { $gt: now }, holder: { $ne: null } },
    { populate: ['productType', 'municipality', 'holder'] },
  );
  let sent = 0;
  for (const permit of permits) {
    const days = permit.productType.counter?.reminderDaysBefore;
    const validUntil = permit.validUntil!;
    if (days == null) continue;
    if (permit.remindedUntil && permit.remindedUntil.getTime() === validUntil.getTime()) continue;
    const zone = permit.municipality.timeZone;
    const remindFrom = startOfDay(addDays(endDateOf(validUntil, zone), -days), zone);
    if (now < remindFrom) continue;
    await em.transactional(async (tx) => {
      const claimed = await tx.nativeUpdate(
        Permit,
        {
          id: permit.id,
          validUntil,
          $or: [{ remindedUntil: null }, { remindedUntil: { $ne: validUntil } }],
        },
        { remindedUntil: validUntil },
      );
      if (claimed !== 1) return;
      const holder = permit.holder!;
      // An account made by DigiD may have no e-mail yet: the address given when applying.
      const to = holder.email ?? (await latestContactEmail(tx, permit.id));
      if (!to) return;
      const language: Language = holder.language === 'en' ? 'en' : 'nl';
      const productName = permit.productType.name[language];
      const mail = composeMail(language, {
        subject: { message: 'PERMIT_REMINDER_SUBJECT', values: { productName } },
        body: [
          {
            message: 'PERMIT_REMINDER_ENDS',
            values: {
              productName,
              addressLabel: permit.addressLabel,
              lastDay: lastDayShown(validUntil, zone, language),
            },
          },
          { message: 'PERMIT_REMINDER_RENEW' },
          { link: renewalPageUrl(permit.id) },
        ],
      });
      queueMail(tx, { to, ...mail }, now);
      sent++;
    });
  }
  return sent;
}
