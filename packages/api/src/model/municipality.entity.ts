import { Entity, Property, type Opt } from '@mikro-orm/core';
import { BaseEntity } from './base.entity.js';

/** How long plates of ended sessions are kept before they are anonymised (docs/rules.md §8). */
export type RetentionPolicy =
  | { readonly kind: 'weeksAfterEnd'; readonly weeks: number }
  | { readonly kind: 'hoursAfterEnd'; readonly hours: number };

/**
 * docs/rules.md §2 registered address: whether the counter asks the population register (BRP)
 * that a resident lives at the address applied for ('register'), or takes the applicant's word
 * ('none', as before the registries).
 */
export type ResidenceCheck = 'register' | 'none';

@Entity({ tableName: 'municipality' })
export class Municipality extends BaseEntity {
  /** Short stable code used in URLs and seeds, e.g. 'delft'. */
  @Property({ type: 'string', length: 40, unique: true })
  code!: string;

  @Property({ type: 'string', length: 120 })
  name!: string;

  /**
   * The town's municipality code (CBS gemeentecode, four digits, '0503' for Delft): BAG
   * identifiers begin with it, so an address the registry reports is known to be the town's.
   * Null: the town has no BAG lookup.
   */
  @Property({ type: 'string', length: 4, nullable: true })
  gemeentecode: (string & Opt) | null = null;

  /** IANA zone of all local-time rules; Europe/Amsterdam for every Dutch town. */
  @Property({ type: 'string', length: 64 })
  timeZone: string & Opt = 'Europe/Amsterdam';

  @Property({ type: 'string', length: 500, nullable: true })
  logoUrl?: string | null;

  @Property({ type: 'json' })
  retention!: RetentionPolicy;

  /** The administration fee (leges) per product bought at the permit counter, in cents. */
  @Property({ type: 'integer' })
  administrationFeeCents: number & Opt = 0;

  /**
   * Days after a fine in which it can be objected to (docs/rules.md §9 fines): the plate data
   * of the sessions around it is kept that long. Six weeks, the general objection period.
   */
  @Property({ type: 'integer', default: 42 })
  objectionPeriodDays: number & Opt = 42;

  /** See `ResidenceCheck`. */
  @Property({ type: 'string', length: 20, default: 'none' })
  residenceCheck: ResidenceCheck & Opt = 'none';

  /**
   * Whether a visitor permit's registration number + PIN login may top up its permit
   * (docs/rules.md §6, "Sign-in with registration number and PIN"). Off unless the town says so.
   */
  @Property({ type: 'boolean', default: false })
  registrationLoginTopUps: boolean & Opt = false;

  @Property({ type: Date })
  createdAt: Date & Opt = new Date();
}
