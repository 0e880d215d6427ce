import { Entity, ManyToOne, Property, Unique, type Rel } from '@mikro-orm/core';
import { BaseEntity } from '../../db/base.entity.js';
import { Zone } from '../zone/zone.entity.js';
import { ProductType } from './product-type.entity.js';

/** An hourly tariff for a product in a zone, in effect from a local date until the next one. */
@Entity({ tableName: 'tariff' })
@Unique({ properties: ['productType', 'zone', 'validFrom'] })
export class Tariff extends BaseEntity {
  @ManyToOne(() => ProductType)
  productType!: Rel<ProductType>;

  @ManyToOne(() => Zone)
  zone!: Rel<Zone>;

  /** Local date 'YYYY-MM-DD' in the municipality's time zone. */
  @Property({ type: 'string', length: 10 })
  validFrom!: string;

  @Property({ type: 'integer' })
  centsPerHour!: number;
}
