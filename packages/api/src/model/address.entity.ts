import { Entity, Index, ManyToOne, Property, Unique, type Opt, type Rel } from '@mikro-orm/core';
import { BaseEntity } from './base.entity.js';
import { Municipality } from './municipality.entity.js';
import { Zone } from './zone.entity.js';

/** Where an address row came from. */
export type AddressSource = 'town' | 'bag' | 'import';

/**
 * An address the town knows, found by postcode and house number when a permit is issued
 * (docs/rules.md §2): the town's own table, filled by the town, by its imports and by answers of
 * the national address registry (BAG) to addresses the table did not know yet; `key` is what
 * permits store as their address.
 */
@Entity({ tableName: 'address' })
@Unique({ properties: ['municipality', 'postcode', 'houseNumber', 'addition'] })
@Unique({ properties: ['municipality', 'key'] })
@Index({ properties: ['postcode', 'houseNumber'] })
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

  /** BAG's nummeraanduidingIdentificatie (16 digits); null where the town's data has none. */
  @Property({ type: 'string', length: 16, nullable: true })
  bagAddressId: (string & Opt) | null = null;

  /** BAG's adresseerbaarObjectIdentificatie: the building unit (verblijfsobject) at the address. */
  @Property({ type: 'string', length: 16, nullable: true })
  bagObjectId: (string & Opt) | null = null;

  /** The address's point in the Dutch national grid (RD, EPSG:28992), metres; null: unknown. */
  @Property({ type: 'double', nullable: true })
  pointX: (number & Opt) | null = null;

  @Property({ type: 'double', nullable: true })
  pointY: (number & Opt) | null = null;

  /**
   * A parking space on the premises, as the town's imported data says (docs/rules.md §2 own
   * parking); null: the data says nothing, and the address registry is asked where it matters.
   */
  @Property({ type: 'boolean', nullable: true })
  privateParking: (boolean & Opt) | null = null;

  @Property({ type: 'string', length: 10 })
  source: AddressSource & Opt = 'town';
}
