import { Entity, Index, Property, Unique, type Opt } from '@mikro-orm/core';
import { BaseEntity } from './base.entity.js';

export const jobKinds = [
  'settlePermit',
  'retention',
  'refundPayment',
  'sendMail',
  'renderLetter',
  'permitReminders',
  'waitingLists',
  'importAddresses',
  'residenceRecheck',
  'deliverWebhooks',
] as const;
export type JobKind = (typeof jobKinds)[number];

/**
 * The work queue: work due at a moment, kept in the database so it survives restarts and can be
 * shared by several workers. A worker claims a due row for a while (`lockedUntil`), runs it, and
 * marks it done or moves it to its next moment; a failed run is tried again later, and after too
 * many failures in a row the row is dead-lettered (`deadAt`) until an admin retries it. One row
 * per kind and subject: scheduling again moves it. See docs/operations.md, "The work queue".
 */
@Entity({ tableName: 'scheduled_job' })
@Unique({ properties: ['kind', 'subject'] })
@Index({ properties: ['doneAt', 'runAt'] })
@Index({ properties: ['deadAt'] })
export class ScheduledJob extends BaseEntity {
  @Property({ type: 'string', length: 30 })
  kind!: JobKind;

  /**
   * What the job is about: a permit id (settlePermit), payment id, mail_outbox id (sendMail),
   * permit_document id (renderLetter), address_import id (importAddresses),
   * webhook_subscription id (deliverWebhooks).
   */
  @Property({ type: 'string', length: 64 })
  subject!: string;

  @Property({ type: Date })
  runAt!: Date;

  @Property({ type: Date, nullable: true })
  lockedUntil?: Date | null;

  @Property({ type: 'string', length: 64, nullable: true })
  lockedBy?: string | null;

  @Property({ type: Date, nullable: true })
  doneAt?: Date | null;

  /** Attempts since the last success, the one running included. */
  @Property({ type: 'integer' })
  attempts: number & Opt = 0;

  /** The last failure's message, scrubbed of values quoted from data (no e-mail addresses). */
  @Property({ type: 'string', length: 500, nullable: true })
  lastError?: string | null;

  /** When it failed for the last allowed time; it is not run again until retried. */
  @Property({ type: Date, nullable: true })
  deadAt?: Date | null;
}
