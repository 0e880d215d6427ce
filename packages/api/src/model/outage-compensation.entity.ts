import { Entity, ManyToOne, Property, type Opt, type Rel } from '@mikro-orm/core';
import { BaseEntity } from './base.entity.js';
import { Account } from './account.entity.js';
import { Zone } from './zone.entity.js';

/**
 * Time credited once to the sessions of a zone that could not be stopped during an outage
 * window. Windows of one zone never overlap, so no session minute is credited twice.
 */
@Entity({ tableName: 'outage_compensation' })
export class OutageCompensation extends BaseEntity {
  @ManyToOne(() => Zone, { index: true })
  zone!: Rel<Zone>;

  @Property({ type: Date })
  windowStart!: Date;

  @Property({ type: Date })
  windowEnd!: Date;

  @Property({ type: 'string', length: 300 })
  reason!: string;

  @Property({ type: 'integer' })
  sessionsCredited: number & Opt = 0;

  @ManyToOne(() => Account)
  createdBy!: Rel<Account>;

  @Property({ type: Date })
  createdAt: Date & Opt = new Date();
}
