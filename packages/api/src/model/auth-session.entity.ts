import { Entity, ManyToOne, Property, type Opt, type Rel } from '@mikro-orm/core';
import { BaseEntity } from './base.entity.js';
import { Account } from './account.entity.js';
import { Permit } from './permit.entity.js';

export type AuthSessionKind = 'cookie' | 'bearer';
export const signInMethods = [
  'password',
  'digid',
  'eherkenning',
  'registration',
  /** A town's machine key (docs/security.md, "Machine keys"); never stored with a login. */
  'partnerKey',
] as const;
/** How the login proved who it is. */
export type SignInMethod = (typeof signInMethods)[number];

/**
 * A login: the SPA's cookie session or a partner's bearer token. Only a SHA-256 of the token is
 * stored, so a database leak does not hand out sessions.
 */
@Entity({ tableName: 'auth_session' })
export class AuthSession extends BaseEntity {
  @Property({ type: 'string', length: 64, unique: true })
  tokenHash!: string;

  /** Null for a registration number + PIN login: it has no account, only `permit`. */
  @ManyToOne(() => Account, { nullable: true, deleteRule: 'cascade' })
  account?: Rel<Account> | null;

  /**
   * A visitor permit's registration number + PIN login (docs/rules.md §6): the one permit it
   * may act on, and nothing else.
   */
  @ManyToOne(() => Permit, { nullable: true, deleteRule: 'cascade' })
  permit?: Rel<Permit> | null;

  /** The interface language of a login without an account (an account has its own). */
  @Property({ type: 'string', length: 2, nullable: true })
  language?: string | null;

  @Property({ type: 'string', length: 10 })
  kind!: AuthSessionKind;

  /** 'Remember me': a long session; otherwise it ends after a short inactivity. */
  @Property({ type: 'boolean' })
  remember: boolean & Opt = false;

  @Property({ type: Date })
  expiresAt!: Date;

  @Property({ type: Date })
  lastSeenAt!: Date;

  @Property({ type: 'string', length: 20 })
  method: SignInMethod & Opt = 'password';

  /** The level of assurance the identity broker vouched for; null for a password. */
  @Property({ type: 'string', length: 100, nullable: true })
  assurance?: string | null;

  /**
   * DigiD Machtigen or eHerkenning representation: the account acted for. The login's own
   * account is the actor (audit logs), this one the holder of what it creates.
   */
  @ManyToOne(() => Account, { nullable: true, deleteRule: 'cascade' })
  actingFor?: Rel<Account> | null;

  /** The represented one's name as the broker gave it; never an identifier. */
  @Property({ type: 'string', length: 200, nullable: true })
  actingForLabel?: string | null;

  @Property({ type: Date })
  createdAt: Date & Opt = new Date();
}
