import { Entity, ManyToOne, Property, type Opt, type Rel } from '@mikro-orm/core';
import { BaseEntity } from './base.entity.js';
import type { WaiverStatus } from '@parkeer/domain/eligibility/goodwill-waiver';
import { Account } from './account.entity.js';
import { Permit } from './permit.entity.js';
import { RightCheckLog } from './right-check-log.entity.js';

/** A request to waive a fine under the goodwill scheme (docs/rules.md §9), and its decision. */
@Entity({ tableName: 'fine_waiver' })
export class FineWaiver extends BaseEntity {
  @ManyToOne(() => Permit, { index: true })
  permit!: Rel<Permit>;

  /** The fine's number (CJIB or the town's own). */
  @Property({ type: 'string', length: 40 })
  fineReference!: string;

  /** The date on the fine, a local date 'YYYY-MM-DD'. */
  @Property({ type: 'string', length: 10 })
  fineDate!: string;

  /**
   * The officer's check the fine was recorded against, when its reference is known in the
   * permit's town (docs/rules.md §9 fines): the official sees where and when it was written.
   */
  @ManyToOne(() => RightCheckLog, { nullable: true, deleteRule: 'set null' })
  fineCheck?: Rel<RightCheckLog> | null;

  @Property({ type: 'string', length: 10 })
  status: WaiverStatus & Opt = 'pending';

  @Property({ type: Date })
  requestedAt!: Date;

  /** The holder's own account when they filed it themselves, else the admin who recorded it. */
  @ManyToOne(() => Account)
  recordedBy!: Rel<Account>;

  /** Filed by the permit's holder through the app (docs/rules.md §9), not at the counter. */
  @Property({ type: 'boolean' })
  filedByHolder: boolean & Opt = false;

  /** The fined vehicle's plate, normalised, as the holder gave it; null when recorded without. */
  @Property({ type: 'string', length: 20, nullable: true })
  plate?: string | null;

  /** Why the holder asks (the visitor could not be registered…); shown to the official. */
  @Property({ type: 'text', nullable: true })
  holderReason?: string | null;

  /** Why it was approved or refused; shown to the holder. */
  @Property({ type: 'text', nullable: true })
  decisionReason?: string | null;

  @ManyToOne(() => Account, { nullable: true })
  decidedBy?: Rel<Account> | null;

  @Property({ type: Date, nullable: true })
  decidedAt?: Date | null;
}
