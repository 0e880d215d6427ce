import { Entity, Index, ManyToOne, Property, type Opt, type Rel } from '@mikro-orm/core';
import { BaseEntity } from './base.entity.js';
import { Account } from './account.entity.js';
import { Permit } from './permit.entity.js';

export const delegationStatuses = ['invited', 'accepted', 'revoked'] as const;
export type DelegationStatus = (typeof delegationStatuses)[number];

/**
 * Part of a product lent to someone else (docs/rules.md §6): an amount of balance moved out of the
 * permit into this delegation's own pot, optionally tied to one plate. Revoking returns what is
 * left to the permit.
 */
@Entity({ tableName: 'delegation' })
@Index({ properties: ['delegate', 'status'] })
export class Delegation extends BaseEntity {
  @ManyToOne(() => Permit)
  permit!: Rel<Permit>;

  /** Lower-cased; the address the invitation went to. */
  @Property({ type: 'string', length: 254 })
  email!: string;

  /** Set when the invitation is accepted. */
  @ManyToOne(() => Account, { nullable: true })
  delegate?: Rel<Account> | null;

  /** Normalised; null: any plate. */
  @Property({ type: 'string', length: 10, nullable: true })
  plate?: string | null;

  @Property({ type: 'string', length: 2, nullable: true })
  country?: string | null;

  /** What was moved to the delegation when it was made, in the product's unit. */
  @Property({ type: 'integer' })
  budget!: number;

  /** Cached; the ledger rows of this delegation's pot are the truth. Guarded by `version`. */
  @Property({ type: 'integer' })
  balance!: number;

  @Property({ type: 'integer', version: true })
  version: number & Opt = 1;

  @Property({ type: 'string', length: 20 })
  status: DelegationStatus & Opt = 'invited';

  @Property({ type: Date })
  createdAt: Date & Opt = new Date();

  @Property({ type: Date, nullable: true })
  acceptedAt?: Date | null;

  @Property({ type: Date, nullable: true })
  revokedAt?: Date | null;
}
