import type { EntityManager } from '@mikro-orm/core';
import {
  legacySenderNever,
  MailOutbox,
  type MailAttachmentRef,
} from '../../model/mail-outbox.entity.js';
import { ScheduledJob } from '../../model/scheduled-job.entity.js';

export interface OutgoingMail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html?: string;
  /** Files sent with it (see MailOutbox.attachments). */
  readonly attachments?: readonly MailAttachmentRef[];
}

/**
 * Queues a mail in the caller's unit of work: the mail and its `sendMail` job are stored by the
 * same flush (and transaction) as the change it reports, and the work queue sends it afterwards.
 */
export function queueMail(em: EntityManager, mail: OutgoingMail, now: Date): MailOutbox {
  const queued = em.create(MailOutbox, {
    recipient: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html ?? null,
    attachments: mail.attachments?.length ? [...mail.attachments] : null,
    createdAt: now,
    nextAttemptAt: legacySenderNever,
  });
  em.create(ScheduledJob, { kind: 'sendMail', subject: queued.id, runAt: now });
  return queued;
}
