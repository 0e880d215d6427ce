import { Entity, Index, Property, type Opt } from '@mikro-orm/core';
import { BaseEntity } from './base.entity.js';

/**
 * A mail waiting to be sent. Written in the same transaction as the change it reports, so a mail
 * is sent exactly when the change happened; a sender delivers and marks it.
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

  @Property({ type: Date })
  createdAt: Date & Opt = new Date();

  @Property({ type: Date })
  nextAttemptAt: Date & Opt = new Date();

  @Property({ type: Date, nullable: true })
  sentAt?: Date | null;

  @Property({ type: 'integer' })
  attempts: number & Opt = 0;

  @Property({ type: 'string', length: 500, nullable: true })
  lastError?: string | null;
}
