import { Entity, ManyToOne, Property, Unique, type Opt, type Rel } from '@mikro-orm/core';
import { BaseEntity } from './base.entity.js';
import { Account } from './account.entity.js';
import { Municipality } from './municipality.entity.js';

/**
 * A town an enforcement account works for: its right-checks answer for that town's zones only.
 * An account may work for several towns (a regional enforcement service, a scan-car vendor).
 */
@Entity({ tableName: 'enforcement_town' })
@Unique({ properties: ['account', 'municipality'] })
export class EnforcementTown extends BaseEntity {
  @ManyToOne(() => Account, { deleteRule: 'cascade' })
  account!: Rel<Account>;

  @ManyToOne(() => Municipality, { deleteRule: 'cascade' })
  municipality!: Rel<Municipality>;

  @Property({ type: Date })
  createdAt: Date & Opt = new Date();
}
