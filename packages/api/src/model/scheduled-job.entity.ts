import { Entity, Index, Property, Unique, type Opt } from '@mikro-orm/core';
import { BaseEntity } from './base.entity.js';

export const jobKinds = ['settlePermit', 'retention', 'refundPayment'] as const;
export type JobKind = (typeof jobKinds)[number];

/**
 * Work due at a moment, kept in the database so it survives restarts and can be shared by
 * several workers: a worker claims a due row for a while (`lockedUntil`), runs it, and marks it
 * done or moves it to its next moment. One row per kind and subject: scheduling again moves it.
 */
@Entity({ tableName: 'scheduled_job' })
@Unique({ properties: ['kind', 'subject'] })
@Index({ properties: ['doneAt', 'runAt'] })
export class ScheduledJob extends BaseEntity {
  @Property({ type: 'string', length: 30 })
  kind!: JobKind;

  /** What the job is about, e.g. a permit id. */
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

  @Property({ type: 'integer' })
  attempts: number & Opt = 0;

  @Property({ type: 'string', length: 500, nullable: true })
  lastError?: string | null;
}
