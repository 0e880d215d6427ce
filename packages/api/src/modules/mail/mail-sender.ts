import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { sqlDate } from '../../db/sql-date.js';
import {
  legacySenderNever,
  MailOutbox,
  type MailAttachmentRef,
} from '../../model/mail-outbox.entity.js';
import { PermitDocument } from '../../model/permit-document.entity.js';
import { storedBytes } from '../../db/stored-bytes.js';
import type { MailAttachment, MailTransport } from './mail-transport.js';

/**
 * The files of a queued mail. A stored document that is gone or not made yet fails the send, so
 * the queue tries again rather than mailing a letter without its letter.
 */
async function attachmentsOf(
  em: EntityManager,
  refs: readonly MailAttachmentRef[],
): Promise<MailAttachment[]> {
  const files: MailAttachment[] = [];
  for (const ref of refs) {
    if ('documentId' in ref) {
      const document = await em.findOne(
        PermitDocument,
        { id: ref.documentId },
        { fields: ['fileName', 'contentType', 'content'] },
      );
      if (!document?.content) throw new Error(`attachment ${ref.documentId} is not ready`);
      files.push({
        filename: document.fileName,
        contentType: document.contentType,
        content: storedBytes(document.content),
      });
    } else if (ref.content !== null) {
      files.push({
        filename: ref.fileName,
        contentType: ref.contentType,
        content: Buffer.from(ref.content, 'base64'),
      });
    }
  }
  return files;
}

/** Once sent, a file held only for this mail (a letter with its PIN) is removed from the row. */
const withoutHeldFiles = (refs: readonly MailAttachmentRef[]): MailAttachmentRef[] =>
  refs.map((ref) => ('documentId' in ref ? ref : { ...ref, content: null }));

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
  const attachments = mail.attachments?.length ? await attachmentsOf(em, mail.attachments) : [];
  await transport.send({
    to: mail.recipient,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    ...(attachments.length > 0 ? { attachments } : {}),
  });
  await em.nativeUpdate(
    MailOutbox,
    { id: mailId, sentAt: null },
    mail.attachments?.length
      ? { sentAt: now, attachments: withoutHeldFiles(mail.attachments) }
      : { sentAt: now },
  );
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
