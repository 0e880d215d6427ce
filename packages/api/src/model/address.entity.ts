import { Entity, ManyToOne, Property, Unique, type Rel } from '@mikro-orm/core';
import { BaseEntity } from './base.entity.js';
import { Municipality } from './municipality.entity.js';
import { Zone } from './zone.entity.js';

/**
 * An address the town knows, found by postcode and house number when a permit is issued
 * (docs/rules.md §2). A stand-in for the national address registry (BAG), which a later
 * adapter answers the same question from; `key` is what permits store as their address.
 */
@Entity({ tableName: 'address' })
@Unique({ properties: ['municipality', 'postcode', 'houseNumber', 'addition'] })
@Unique({ properties: ['municipality', 'key'] })
export class Address extends BaseEntity {
  @ManyToOne(() => Municipality)
  municipality!: Rel<Municipality>;

  /** Four digits and two capitals, no space: '2611HA'. */
  @Property({ type: 'string', length: 6 })
  postcode!: string;

  @Property({ type: 'integer' })
  houseNumber!: number;

  /** Letter or suffix after the number, upper case; '' for none. */
  @Property({ type: 'string', length: 10 })
  addition!: string;

  /** As permits store it (Permit.addressKey). */
  @Property({ type: 'string', length: 80 })
  key!: string;

  /** As letters and the back office show it: 'Markt 7, Delft'. */
  @Property({ type: 'string', length: 200 })
  label!: string;

  /** The parking zone the address lies in; null where no zone covers it. */
  @ManyToOne(() => Zone, { nullable: true })
  zone!: Rel<Zone> | null;
}
