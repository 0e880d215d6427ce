import { Entity, ManyToOne, Property, type Opt, type Rel } from '@mikro-orm/core';
import { BaseEntity } from './base.entity.js';
import { Account } from './account.entity.js';
import { Delegation } from './delegation.entity.js';
import { Permit } from './permit.entity.js';

export const emailTokenPurposes = ['passwordReset', 'coupling', 'delegation'] as const;
export type EmailTokenPurpose = (typeof emailTokenPurposes)[number];

/**
 * The secret of an e-mailed link: single use, expiring. Only its SHA-256 is stored, like login
 * tokens.
 */
@Entity({ tableName: 'email_token' })
export class EmailToken extends BaseEntity {
  @Property({ type: 'string', length: 64, unique: true })
  tokenHash!: string;

  @Property({ type: 'string', length: 20 })
  purpose!: EmailTokenPurpose;

  /** Lower-cased address the link was sent to. */
  @Property({ type: 'string', length: 254 })
  email!: string;

  @ManyToOne(() => Account, { nullable: true, deleteRule: 'cascade' })
  account?: Rel<Account> | null;

  @ManyToOne(() => Permit, { nullable: true })
  permit?: Rel<Permit> | null;

  @ManyToOne(() => Delegation, { nullable: true })
  delegation?: Rel<Delegation> | null;

  @Property({ type: Date, index: true })
  expiresAt!: Date;

  @Property({ type: Date, nullable: true })
  usedAt?: Date | null;

  @Property({ type: Date })
  createdAt: Date & Opt = new Date();
}
