import { Entity, Property, type Opt } from '@mikro-orm/core';
import { BaseEntity } from './base.entity.js';

/** How long plates of ended sessions are kept before they are anonymised (docs/rules.md §8). */
export type RetentionPolicy =
  | { readonly kind: 'weeksAfterEnd'; readonly weeks: number }
  | { readonly kind: 'hoursAfterEnd'; readonly hours: number };

@Entity({ tableName: 'municipality' })
export class Municipality extends BaseEntity {
  /** Short stable code used in URLs and seeds, e.g. 'delft'. */
  @Property({ type: 'string', length: 40, unique: true })
  code!: string;

  @Property({ type: 'string', length: 120 })
  name!: string;

  /** IANA zone of all local-time rules; Europe/Amsterdam for every Dutch town. */
  @Property({ type: 'string', length: 64 })
  timeZone: string & Opt = 'Europe/Amsterdam';

  @Property({ type: 'string', length: 500, nullable: true })
  logoUrl?: string | null;

  @Property({ type: 'json' })
  retention!: RetentionPolicy;

  @Property({ type: Date })
  createdAt: Date & Opt = new Date();
}
