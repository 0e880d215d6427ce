import { Entity, ManyToOne, Property, Unique, type Opt, type Rel } from '@mikro-orm/core';
import { BaseEntity } from './base.entity.js';
import { Municipality } from './municipality.entity.js';

export const identityKinds = ['digid', 'eherkenning'] as const;
/** DigiD identifies residents (by BSN), eHerkenning businesses (by KvK number). */
export type IdentityKind = (typeof identityKinds)[number];

/**
 * Where in the broker's ID token each fact is. Names may be dotted paths into nested claims
 * (`machtiging.bsn`): brokers differ, so they are configuration, never code.
 */
export interface IdentityClaimNames {
  /** DigiD: the citizen service number of who logs in. eHerkenning: the KvK number. */
  readonly identifier: string;
  /** The name of who logs in (DigiD) or of the company (eHerkenning); optional. */
  readonly name: string | null;
  /** Acting for someone else: the represented person's BSN. */
  readonly representedBsn: string | null;
  /** eHerkenning acting for another company: its KvK number. */
  readonly representedKvk: string | null;
  /** The represented one's name, shown as "acting for …". */
  readonly representedName: string | null;
  /** The level of assurance of this login. */
  readonly assurance: string;
}

/**
 * A town's OpenID Connect broker for DigiD or eHerkenning (docs/security.md §Identity). The
 * client secret is write-only: the API never returns it.
 */
@Entity({ tableName: 'identity_provider' })
@Unique({ properties: ['municipality', 'kind'] })
export class IdentityProvider extends BaseEntity {
  @ManyToOne(() => Municipality, { deleteRule: 'cascade' })
  municipality!: Rel<Municipality>;

  @Property({ type: 'string', length: 20 })
  kind!: IdentityKind;

  @Property({ type: 'boolean' })
  enabled: boolean & Opt = true;

  @Property({ type: 'string', length: 500 })
  issuer!: string;

  @Property({ type: 'string', length: 200 })
  clientId!: string;

  @Property({ type: 'string', length: 500, hidden: true, lazy: true })
  clientSecret!: string;

  /** Space-separated, `openid` first. */
  @Property({ type: 'string', length: 500 })
  scopes!: string;

  @Property({ type: 'json' })
  claims!: IdentityClaimNames;

  /** The lowest level let in: a DigiD level name or an eHerkenning assurance class URN. */
  @Property({ type: 'string', length: 100 })
  minimumAssurance!: string;

  @Property({ type: Date })
  updatedAt: Date & Opt = new Date();
}
