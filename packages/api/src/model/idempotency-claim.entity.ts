import { Entity, Index, ManyToOne, Property, Unique, type Opt, type Rel } from '@mikro-orm/core';
import { BaseEntity } from './base.entity.js';
import { Account } from './account.entity.js';

export const claimStatuses = ['pending', 'done'] as const;
export type ClaimStatus = (typeof claimStatuses)[number];

/**
 * One idempotency key of one account for one mutation (docs/graphql.md, Idempotency keys): the
 * first call claims it, does the work and stores its answer here; a retry with the key waits for
 * that answer and gets it back. Written only by modules/idempotency with plain SQL.
 */
@Entity({ tableName: 'idempotency_claim' })
@Unique({ properties: ['account', 'operation', 'key'] })
export class IdempotencyClaim extends BaseEntity {
  @ManyToOne(() => Account, { deleteRule: 'cascade' })
  account!: Rel<Account>;

  /** The mutation's name, e.g. `startSession`. */
  @Property({ type: 'string', length: 40 })
  operation!: string;

  @Property({ type: 'string', length: 100 })
  key!: string;

  /** A hash of the normalised request: the same key with another request is refused. */
  @Property({ type: 'string', length: 64 })
  fingerprint!: string;

  @Property({ type: 'string', length: 10 })
  status!: ClaimStatus;

  /** The first call's answer as JSON, once it is done. */
  @Property({ type: 'text', nullable: true })
  answer?: string | null;

  /** While pending: after this a claim whose call never finished may be taken over. */
  @Property({ type: Date, nullable: true })
  leaseUntil?: Date | null;

  /**
   * Set in the transaction of the call's work: a claim still pending after its lease with this
   * set belongs to a call whose work committed and whose answer was lost; it is not done again.
   */
  @Property({ type: Date, nullable: true })
  workedAt?: Date | null;

  /** The first call's moment: the replay answers as of then; retention removes old claims. */
  @Index()
  @Property({ type: Date })
  createdAt: Date & Opt = new Date();
}
