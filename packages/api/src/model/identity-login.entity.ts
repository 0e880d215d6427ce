import { Entity, ManyToOne, Property, type Opt, type Rel } from '@mikro-orm/core';
import { BaseEntity } from './base.entity.js';
import { Account } from './account.entity.js';
import { IdentityProvider } from './identity-provider.entity.js';

/**
 * A login on its way through the broker: the PKCE verifier, state and nonce stay here, found
 * by the hash of a random value in a short-lived HttpOnly cookie of the browser that started it,
 * and removed when the callback comes (one-time use) or when it lapses.
 */
@Entity({ tableName: 'identity_login' })
export class IdentityLogin extends BaseEntity {
  @Property({ type: 'string', length: 64, unique: true })
  bindingHash!: string;

  @ManyToOne(() => IdentityProvider, { deleteRule: 'cascade' })
  provider!: Rel<IdentityProvider>;

  @Property({ type: 'string', length: 100 })
  state!: string;

  @Property({ type: 'string', length: 100 })
  nonce!: string;

  @Property({ type: 'string', length: 200 })
  codeVerifier!: string;

  /** The SPA path to return to after the login. */
  @Property({ type: 'string', length: 300 })
  returnTo!: string;

  /** Started while signed in with a password: link this account. */
  @ManyToOne(() => Account, { nullable: true, deleteRule: 'cascade' })
  linkAccount?: Rel<Account> | null;

  @Property({ type: Date, index: true })
  expiresAt!: Date;

  @Property({ type: Date })
  createdAt: Date & Opt = new Date();
}
