import { Entity, Property, type Opt } from '@mikro-orm/core';
import { BaseEntity } from './base.entity.js';

/** A public app (on a phone: PKCE only) or a confidential one (a server that keeps a secret). */
export const partnerAppKinds = ['public', 'confidential'] as const;
export type PartnerAppKind = (typeof partnerAppKinds)[number];

/**
 * An app registered to act for residents who consent (OAuth 2, docs/graphql.md "Acting for a
 * resident"): the authorization server's client. Registered by the platform admin, as an app
 * serves residents of every town.
 */
@Entity({ tableName: 'partner_app' })
export class PartnerApp extends BaseEntity {
  /** The OAuth `client_id` the app sends; public, not a secret. */
  @Property({ type: 'string', length: 40, unique: true })
  clientId!: string;

  @Property({ type: 'string', length: 100 })
  name!: string;

  /** Who made it, as residents see it on the consent page. */
  @Property({ type: 'string', length: 100 })
  owner!: string;

  /** Where the platform reaches the maker (not shown to residents). */
  @Property({ type: 'string', length: 254 })
  contactEmail!: string;

  @Property({ type: 'json' })
  redirectUris!: string[];

  /** The scopes it may ask for; a resident grants some or all of them. */
  @Property({ type: 'json' })
  scopes!: string[];

  @Property({ type: 'string', length: 20 })
  kind!: PartnerAppKind;

  /**
   * SHA-256 of a confidential app's secret (256 random bits, so a plain hash suffices); the
   * secret itself is shown once, at registration.
   */
  @Property({ type: 'string', length: 64, nullable: true, hidden: true, lazy: true })
  secretHash?: string | null;

  /** A disabled app cannot start a consent, and its tokens stop working at once. */
  @Property({ type: 'boolean' })
  disabled: boolean & Opt = false;

  @Property({ type: Date })
  createdAt: Date & Opt = new Date();
}
