import { Entity, ManyToOne, Property, type Opt, type Rel } from '@mikro-orm/core';
import { BaseEntity } from './base.entity.js';
import type { Language } from '@parkeer/shared/language';
import { Municipality } from './municipality.entity.js';

export const roles = [
  'resident',
  'business',
  'municipalAdmin',
  /** The municipal desk (docs/rules.md §5, "The municipal desk"): acts on a visitor permit for a caller. */
  'municipalDesk',
  'platformAdmin',
  'enforcement',
  'partner',
] as const;
export type Role = (typeof roles)[number];
/** The roles that hold products (and so start sessions, see balances, …). */
export const holderRoles: readonly Role[] = ['resident', 'business'];

@Entity({ tableName: 'account' })
export class Account extends BaseEntity {
  /**
   * Stored lower-cased and trimmed: the login name. Null for an account made by a DigiD or
   * eHerkenning login until its holder gives a contact address.
   */
  @Property({ type: 'string', length: 254, unique: true, nullable: true })
  email!: string | null;

  /** argon2id; null until the holder sets a password through a coupling link. */
  @Property({ type: 'string', length: 200, nullable: true, hidden: true, lazy: true })
  passwordHash?: string | null;

  @Property({ type: 'string', length: 30 })
  role!: Role;

  /** The municipality an admin or desk employee works for; null for everyone else. */
  @ManyToOne(() => Municipality, { nullable: true })
  municipality?: Rel<Municipality> | null;

  @Property({ type: 'string', length: 2 })
  language: Language & Opt = 'nl';

  /**
   * Whether the holder chose `language` (account settings). Until then each request's
   * Accept-Language decides the language of messages and refusals (docs/graphql.md, Errors).
   */
  @Property({ type: 'boolean' })
  languageChosen: boolean & Opt = false;

  @Property({ type: 'boolean' })
  highContrast: boolean & Opt = false;

  /** The permit the app opens with; null: the first one. */
  @Property({ type: 'uuid', nullable: true })
  startPermitId?: string | null;

  /** A business's chamber-of-commerce number (public data), from its eHerkenning login. */
  @Property({ type: 'string', length: 8, nullable: true })
  kvkNumber?: string | null;

  /** The company's name (eHerkenning) or the person's name from the identity broker. */
  @Property({ type: 'string', length: 200, nullable: true })
  displayName?: string | null;

  @Property({ type: Date })
  createdAt: Date & Opt = new Date();
}

/**
 * How people see an account in lists: its e-mail address, or for an account a DigiD or
 * eHerkenning login made without one, the name the broker gave (never a BSN).
 */
export function accountLabel(account: Pick<Account, 'email' | 'displayName'>): string {
  return account.email ?? account.displayName ?? '—';
}
