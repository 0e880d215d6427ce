import { Entity, Index, ManyToOne, Property, Unique, type Rel } from '@mikro-orm/core';
import { BaseEntity } from './base.entity.js';
import { Zone } from './zone.entity.js';
import { ProductType } from './product-type.entity.js';

/**
 * An hourly tariff for a product in a zone from a local date until `validUntil` (exclusive) or
 * open-ended. Periods of one product and zone never overlap: the database refuses it (an
 * exclusion constraint on PostgreSQL, triggers on SQLite; see the migrations).
 */
@Entity({ tableName: 'tariff' })
// Declared so the schema check knows it; the migrations make it: on PostgreSQL the exclusion
// constraint's index, on SQLite a lookup index beside the triggers that refuse overlaps.
@Index({
  name: 'tariff_periods_do_not_overlap',
  expression:
    'alter table "tariff" add constraint "tariff_periods_do_not_overlap" exclude using gist ("product_type_id" with =, "zone_id" with =, daterange("local_date"("valid_from"), "local_date"("valid_until"), \'[)\') with &&)',
})
@Unique({ properties: ['productType', 'zone', 'validFrom'] })
export class Tariff extends BaseEntity {
  @ManyToOne(() => ProductType)
  productType!: Rel<ProductType>;

  @ManyToOne(() => Zone)
  zone!: Rel<Zone>;

  /** Local date 'YYYY-MM-DD' in the municipality's time zone. */
  @Property({ type: 'string', length: 10 })
  validFrom!: string;

  /** Local date on which the next period starts; null while this one is the last. */
  @Property({ type: 'string', length: 10, nullable: true })
  validUntil?: string | null;

  @Property({ type: 'integer' })
  centsPerHour!: number;
}
