import { Entity, ManyToOne, Property, Unique, type Opt, type Rel } from '@mikro-orm/core';
import { BaseEntity } from './base.entity.js';
import { Permit } from './permit.entity.js';

/** A plate the holder parks often, with a short name (docs/rules.md §6: at most 10 characters). */
@Entity({ tableName: 'favorite' })
@Unique({ properties: ['permit', 'plate'] })
export class Favorite extends BaseEntity {
  @ManyToOne(() => Permit, { deleteRule: 'cascade' })
  permit!: Rel<Permit>;

  /** Normalised. */
  @Property({ type: 'string', length: 10 })
  plate!: string;

  @Property({ type: 'string', length: 2 })
  country: string & Opt = 'NL';

  @Property({ type: 'string', length: 10 })
  name!: string;

  @Property({ type: Date })
  createdAt: Date & Opt = new Date();
}
