import { Entity, ManyToOne, Property, type Opt, type Rel } from '@mikro-orm/core';
import type { WaiverStatus } from '@parkeer/domain/eligibility/goodwill-waiver';
import { BaseEntity } from './base.entity.js';
import { Account } from './account.entity.js';
import { CareGrant } from './care-grant.entity.js';
import { Permit } from './permit.entity.js';

/** Where a holder's request stands: the same three states as a goodwill waiver's. */
export type CareRequestStatus = WaiverStatus;

/**
 * A holder's own request for informal-care time (docs/rules.md §4), waiting for an official. An
 * approval becomes a CareGrant (and its ledger row) in the decision's transaction.
 */
@Entity({ tableName: 'care_request' })
export class CareRequest extends BaseEntity {
  @ManyToOne(() => Permit, { index: true })
  permit!: Rel<Permit>;

  @Property({ type: 'integer' })
  minutes!: number;

  /** What the carer's statement (mantelzorgverklaring) says or where it is filed. */
  @Property({ type: 'text' })
  carerStatement!: string;

  @Property({ type: 'string', length: 10, index: true })
  status: CareRequestStatus & Opt = 'pending';

  @ManyToOne(() => Account)
  requestedBy!: Rel<Account>;

  @Property({ type: Date })
  requestedAt!: Date;

  /** Why it was approved or refused; shown to the holder. */
  @Property({ type: 'text', nullable: true })
  decisionReason?: string | null;

  @ManyToOne(() => Account, { nullable: true })
  decidedBy?: Rel<Account> | null;

  @Property({ type: Date, nullable: true })
  decidedAt?: Date | null;

  /** The grant an approval made. */
  @ManyToOne(() => CareGrant, { nullable: true })
  careGrant?: Rel<CareGrant> | null;
}
