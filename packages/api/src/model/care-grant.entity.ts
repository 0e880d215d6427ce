import { Entity, ManyToOne, Property, type Opt, type Rel } from '@mikro-orm/core';
import { BaseEntity } from './base.entity.js';
import { Account } from './account.entity.js';
import { LedgerEntry } from './ledger-entry.entity.js';
import { Permit } from './permit.entity.js';

/** Free informal-care time the town granted on request, with the carer's statement (docs/rules.md §4). */
@Entity({ tableName: 'care_grant' })
export class CareGrant extends BaseEntity {
  @ManyToOne(() => Permit, { index: true })
  permit!: Rel<Permit>;

  @Property({ type: 'integer' })
  minutes!: number;

  /** What the carer's statement (mantelzorgverklaring) says or where it is filed. */
  @Property({ type: 'text' })
  carerStatement!: string;

  @ManyToOne(() => LedgerEntry)
  ledgerEntry!: Rel<LedgerEntry>;

  @ManyToOne(() => Account)
  grantedBy!: Rel<Account>;

  @Property({ type: Date })
  createdAt: Date & Opt = new Date();
}
