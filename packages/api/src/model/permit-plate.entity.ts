import { Entity, ManyToOne, Property, Unique, type Opt, type Rel } from '@mikro-orm/core';
import { BaseEntity } from './base.entity.js';
import { Permit } from './permit.entity.js';

/** A plate registered on a permit; with several, exactly one is active (docs/rules.md §6 plate switch). */
@Entity({ tableName: 'permit_plate' })
@Unique({ properties: ['permit', 'plate'] })
export class PermitPlate extends BaseEntity {
  @ManyToOne(() => Permit)
  permit!: Rel<Permit>;

  /** Normalised (upper case, no separators). */
  @Property({ type: 'string', length: 10, index: true })
  plate!: string;

  @Property({ type: 'string', length: 2 })
  country: string & Opt = 'NL';

  /**
   * The permit's id while this is its active plate, else null. Unique, so the database itself
   * allows one active plate per permit (NULLs never collide, on SQLite and PostgreSQL alike).
   */
  @Property({ type: 'uuid', nullable: true, unique: true })
  activeSlot?: string | null;

  get active(): boolean & Opt {
    return this.activeSlot != null;
  }
}
