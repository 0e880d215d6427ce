import { Entity, Index, Property, type Opt } from '@mikro-orm/core';
import { BaseEntity } from './base.entity.js';

/**
 * A moment the sender of the version before the work queue never reaches: it leaves the mails
 * the queue sends alone while both versions run during a rolling restart.
 */
export const legacySenderNever = new Date('9999-12-31T00:00:00Z');

/** A file of a queued mail: a document of `permit_document`, or bytes held until it is sent. */
export type MailAttachmentRef =
  | { readonly documentId: string }
  | {
      readonly fileName: string;
      readonly contentType: string;
      /** Base64; removed from the row once the mail is sent. */
      readonly content: string | null;
    };

/**
 * A mail to be sent. Written in the same transaction as the change it reports, together with its
 * `sendMail` job in the work queue, so a mail is sent exactly when the change happened; the job
 * delivers it and sets `sentAt`.
 */
@Entity({ tableName: 'mail_outbox' })
@Index({ properties: ['sentAt', 'nextAttemptAt'] })
export class MailOutbox extends BaseEntity {
  @Property({ type: 'string', length: 254 })
  recipient!: string;

  @Property({ type: 'string', length: 200 })
  subject!: string;

  @Property({ type: 'text' })
  text!: string;

  @Property({ type: 'text', nullable: true })
  html?: string | null;

  /**
   * Files sent with it: a stored document by id (a decision letter), or a file kept here only
   * until the mail is sent (a letter with a PIN, which is never stored: docs/security.md,
   * "Letters and documents"). Null: none.
   */
  @Property({ type: 'json', nullable: true })
  attachments?: MailAttachmentRef[] | null;

  @Property({ type: Date })
  createdAt: Date & Opt = new Date();

  @Property({ type: Date, nullable: true })
  sentAt?: Date | null;

  // The three columns below were the outbox's own delivery state, which the work queue now
  // keeps. They stay one release so instances of the version before keep writing mails during a
  // rolling restart (docs/operations.md, "The work queue"); drop them in the release after.

  /** Its own sender's schedule, before the work queue: `legacySenderNever` for a queued mail. */
  @Property({ type: Date })
  nextAttemptAt!: Date;

  @Property({ type: 'integer' })
  attempts: number & Opt = 0;

  @Property({ type: 'string', length: 500, nullable: true })
  lastError?: string | null;
}
