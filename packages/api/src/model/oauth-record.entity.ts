import { Entity, Index, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from './base.entity.js';

/**
 * What the authorization server (oidc-provider) keeps: grants, authorization codes, access and
 * refresh tokens, sessions and interactions, one row each, in the application database so that
 * every API instance sees them. Ids are stored as SHA-256 only (`key`, `grantKey`, `uidKey`):
 * a database leak hands out no token. `payload` is the provider's own record.
 */
@Entity({ tableName: 'oauth_record' })
@Unique({ properties: ['model', 'key'] })
export class OAuthRecord extends BaseEntity {
  /** The provider's model name: Grant, AccessToken, RefreshToken, AuthorizationCode, Session… */
  @Property({ type: 'string', length: 40 })
  model!: string;

  @Property({ type: 'string', length: 64 })
  key!: string;

  @Property({ type: 'json' })
  payload!: Record<string, unknown>;

  /** SHA-256 of the grant a token or code belongs to: revoking the grant removes them. */
  @Index()
  @Property({ type: 'string', length: 64, nullable: true })
  grantKey?: string | null;

  /** SHA-256 of a session's uid (the provider finds sessions by it). */
  @Index()
  @Property({ type: 'string', length: 64, nullable: true })
  uidKey?: string | null;

  /** The resident (holder account) of a grant or token: connected apps are listed by it. */
  @Index()
  @Property({ type: 'uuid', nullable: true })
  accountId?: string | null;

  @Property({ type: 'string', length: 40, nullable: true })
  clientId?: string | null;

  @Index()
  @Property({ type: Date, nullable: true })
  expiresAt?: Date | null;

  /** When the resident last consented to a grant, on the platform's clock. */
  @Property({ type: Date, nullable: true })
  grantedAt?: Date | null;

  /** When a grant's token last reached the API, written at most once a minute. */
  @Property({ type: Date, nullable: true })
  lastUsedAt?: Date | null;
}
