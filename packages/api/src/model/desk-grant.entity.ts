import { Entity, Index, ManyToOne, Property, type Rel } from '@mikro-orm/core';
import { BaseEntity } from './base.entity.js';
import { Account } from './account.entity.js';
import { Permit } from './permit.entity.js';

/**
 * One call at the municipal desk (docs/rules.md §5, "The municipal desk"): after the caller's
 * registration number and PIN were right, the desk employee acts on that permit with this
 * grant instead of the PIN, for a short while and only from their own account. Its id is the
 * grant (a random UUID, useless to any other account). Never holds the PIN.
 */
@Entity({ tableName: 'desk_grant' })
@Index({ properties: ['account', 'expiresAt'] })
export class DeskGrant extends BaseEntity {
  /** The desk employee (or municipal admin) who looked the permit up. */
  @ManyToOne(() => Account)
  account!: Rel<Account>;

  @ManyToOne(() => Permit)
  permit!: Rel<Permit>;

  @Property({ type: Date })
  createdAt!: Date;

  /** The grant's end: set to now when the call is done, so it ends early. */
  @Property({ type: Date })
  expiresAt!: Date;
}
