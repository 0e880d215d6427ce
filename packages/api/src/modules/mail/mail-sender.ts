import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { sqlDate } from '../../db/sql-date.js';
import { legacySenderNever, MailOutbox } from '../../model/mail-outbox.entity.js';
import type { MailTransport } from './mail-transport.js';

/**
 * Sends one queued mail: the `sendMail` job of the work queue. It is marked sent once the
 * transport accepted it; a mail marked sent already is not sent again. A failure throws, and the
 * queue tries again later (a send whose answer was lost may repeat: at least once, never lost).
 */
export async function sendQueuedMail(
  em: EntityManager,
  transport: MailTransport,
  mailId: string,
  now: Date,
): Promise<void> {
  const mail = await em.findOne(MailOutbox, { id: mailId });
  if (!mail || mail.sentAt) return;
  await transport.send({
    to: mail.recipient,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
  });
  await em.nativeUpdate(MailOutbox, { id: mailId, sentAt: null }, { sentAt: now });
}

/**
 * Gives the work queue the mails an instance of the version before it wrote while both ran
 * (rolling restart): each gets its `sendMail` job, with its attempts and error so far, and
 * `legacySenderNever` so such an instance's own sender leaves it alone from then on. The
 * migration did the same for the mails queued before it ran.
 */
export async function adoptLegacyMails(em: EntityManager): Promise<number> {
  const waiting = await em.find(
    MailOutbox,
    { sentAt: null, nextAttemptAt: { $lt: legacySenderNever } },
    { fields: ['id', 'nextAttemptAt', 'attempts', 'lastError'] },
  );
  const connection = em.getConnection();
  for (const mail of waiting) {
    await connection.execute(
      `insert into scheduled_job (id, kind, subject, run_at, attempts, last_error)
      values (?, 'sendMail', ?, ?, ?, ?) on conflict (kind, subject) do nothing`,
      [
        randomUUID(),
        mail.id,
        sqlDate(em, mail.nextAttemptAt),
        mail.attempts,
        mail.lastError ?? null,
      ],
    );
    await em.nativeUpdate(MailOutbox, { id: mail.id }, { nextAttemptAt: legacySenderNever });
  }
  return waiting.length;
}
