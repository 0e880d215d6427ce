import type { EntityManager } from '@mikro-orm/core';
import { MailOutbox } from '../../model/mail-outbox.entity.js';

export interface OutgoingMail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html?: string;
}

/**
 * Queues a mail in the caller's unit of work: it is stored by the same flush (and transaction) as
 * the change it reports, and sent afterwards by the outbox sender.
 */
export function queueMail(em: EntityManager, mail: OutgoingMail, now: Date): MailOutbox {
  return em.create(MailOutbox, {
    recipient: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html ?? null,
    createdAt: now,
    nextAttemptAt: now,
  });
}
