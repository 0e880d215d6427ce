import { Entity, ManyToOne, Property, type Opt, type Rel } from '@mikro-orm/core';
import { BaseEntity } from './base.entity.js';
import { Account } from './account.entity.js';
import { PartnerKey } from './partner-key.entity.js';
import { Zone } from './zone.entity.js';

/**
 * One enforcement right-check: who asked, when, where and the answer. No plate: the log proves
 * that checks happen, not who was checked (docs/rules.md §8, privacy).
 */
@Entity({ tableName: 'right_check_log' })
export class RightCheckLog extends BaseEntity {
  /** The officer's account; null when a town's machine key checked (`partnerKey`). */
  @ManyToOne(() => Account, { nullable: true })
  checkedBy?: Rel<Account> | null;

  /** The machine key that checked (docs/security.md, "Machine keys"); null for an officer. */
  @ManyToOne(() => PartnerKey, { nullable: true })
  partnerKey?: Rel<PartnerKey> | null;

  @Property({ type: Date, index: true })
  checkedAt!: Date;

  /** The moment asked about (default: the moment of the check). */
  @Property({ type: Date })
  checkedFor!: Date;

  @ManyToOne(() => Zone)
  zone!: Rel<Zone>;

  @Property({ type: 'boolean' })
  valid!: boolean;

  /** 'permit' | 'visitorSession' | 'exemption' when valid. */
  @Property({ type: 'string', length: 30, nullable: true })
  rightKind?: string | null;

  /** The fine the officer wrote after this check (docs/rules.md §9 fines); null: none. */
  @Property({ type: 'string', length: 40, nullable: true, index: true })
  fineReference?: string | null;

  @Property({ type: Date, nullable: true })
  finedAt?: Date | null;

  /** With a fine: kept until the town's objection period has passed, past the 13 weeks. */
  @Property({ type: Date, nullable: true })
  keptUntil?: Date | null;

  @Property({ type: Date })
  createdAt: Date & Opt = new Date();
}
