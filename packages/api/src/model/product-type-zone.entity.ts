import { Entity, ManyToOne, Unique, type Rel } from '@mikro-orm/core';
import { BaseEntity } from './base.entity.js';
import { ProductType } from './product-type.entity.js';
import { Zone } from './zone.entity.js';

/**
 * A zone a product listing its zones is valid in (`ProductType.validIn = 'listedZones'`, a care
 * permit limited to the zones its town chose; docs/rules.md §1 care permit). A row, not a JSON
 * list, so that the right-check's plain SQL finds it by index in both dialects.
 */
@Entity({ tableName: 'product_type_zone' })
@Unique({ properties: ['productType', 'zone'] })
export class ProductTypeZone extends BaseEntity {
  @ManyToOne(() => ProductType, { deleteRule: 'cascade' })
  productType!: Rel<ProductType>;

  @ManyToOne(() => Zone, { deleteRule: 'cascade' })
  zone!: Rel<Zone>;
}
