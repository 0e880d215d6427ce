import { Entity, ManyToOne, Property, Unique, type Opt, type Rel } from '@mikro-orm/core';
import { BaseEntity } from './base.entity.js';
import { Municipality } from './municipality.entity.js';
import { ProductType } from './product-type.entity.js';
import { Zone } from './zone.entity.js';

/**
 * A town's quota of one permit type in one zone (docs/rules.md §2 quotas): at most `limit`
 * places; when they are taken an application joins the waiting list. No row: no quota.
 */
@Entity({ tableName: 'zone_quota' })
@Unique({ properties: ['zone', 'productType'] })
export class ZoneQuota extends BaseEntity {
  @ManyToOne(() => Municipality)
  municipality!: Rel<Municipality>;

  @ManyToOne(() => Zone)
  zone!: Rel<Zone>;

  @ManyToOne(() => ProductType)
  productType!: Rel<ProductType>;

  /** The places: active permits, open offers and applications on their way to a permit. */
  @Property({ type: 'integer' })
  limit!: number;

  /** How many local days an offer stays open to be paid. */
  @Property({ type: 'integer' })
  offerDays: number & Opt = 14;

  /**
   * Raised by everyone who hands out a place, as the first statement of their transaction: the
   * row's lock makes two of them take turns, so grants never exceed the quota.
   */
  @Property({ type: 'integer', default: 0 })
  claims: number & Opt = 0;

  @Property({ type: Date })
  updatedAt!: Date;
}
