import { Entity, ManyToOne, Property, Unique, type Opt, type Rel } from '@mikro-orm/core';
import type { ListedPlateRole } from '@parkeer/domain/session-policy/flexible-registration';
import { BaseEntity } from './base.entity.js';
import { Permit } from './permit.entity.js';

/**
 * A plate on a flexible business permit's list: an employee's or a visitor's car, named by the
 * business (docs/rules.md §5, The flexible business permit). Only listed plates are registered.
 */
@Entity({ tableName: 'flex_plate' })
@Unique({ properties: ['permit', 'plate'] })
export class FlexPlate extends BaseEntity {
  @ManyToOne(() => Permit, { deleteRule: 'cascade' })
  permit!: Rel<Permit>;

  /** Normalised (upper case, no separators). */
  @Property({ type: 'string', length: 10 })
  plate!: string;

  @Property({ type: 'string', length: 2 })
  country: string & Opt = 'NL';

  @Property({ type: 'string', length: 40 })
  name!: string;

  @Property({ type: 'string', length: 10 })
  role!: ListedPlateRole;

  @Property({ type: Date })
  createdAt: Date & Opt = new Date();
}
