import { Entity, ManyToOne, Property, type Opt, type Rel } from '@mikro-orm/core';
import { BaseEntity } from './base.entity.js';
import { Account } from './account.entity.js';

export type AuthSessionKind = 'cookie' | 'bearer';

/**
 * A login: the SPA's cookie session or a partner's bearer token. Only a SHA-256 of the token is
 * stored, so a database leak does not hand out sessions.
 */
@Entity({ tableName: 'auth_session' })
export class AuthSession extends BaseEntity {
  @Property({ type: 'string', length: 64, unique: true })
  tokenHash!: string;

  @ManyToOne(() => Account, { deleteRule: 'cascade' })
  account!: Rel<Account>;

  @Property({ type: 'string', length: 10 })
  kind!: AuthSessionKind;

  /** 'Remember me': a long session; otherwise it ends after a short inactivity. */
  @Property({ type: 'boolean' })
  remember: boolean & Opt = false;

  @Property({ type: Date })
  expiresAt!: Date;

  @Property({ type: Date })
  lastSeenAt!: Date;

  @Property({ type: Date })
  createdAt: Date & Opt = new Date();
}
