import { Entity, ManyToOne, Property, Unique, type Opt, type Rel } from '@mikro-orm/core';
import { BaseEntity } from './base.entity.js';
import { Account } from './account.entity.js';

/** What the hashed identifier is: a citizen service number or a chamber-of-commerce number. */
export type IdentifierKind = 'bsn' | 'kvk';

/**
 * Which account a DigiD or eHerkenning identity logs into. The identifier (a BSN or KvK number)
 * is stored only as a keyed hash (HMAC-SHA256 with IDENTITY_HASH_KEY): the match key, shown to
 * nobody. One identifier per account and kind, one account per identity.
 */
@Entity({ tableName: 'identity_link' })
@Unique({ properties: ['kind', 'subjectHash'] })
@Unique({ properties: ['account', 'kind'] })
export class IdentityLink extends BaseEntity {
  /** A BSN found by DigiD (or as the represented person), a KvK number by eHerkenning. */
  @Property({ type: 'string', length: 20 })
  kind!: IdentifierKind;

  @Property({ type: 'string', length: 64 })
  subjectHash!: string;

  /**
   * The BSN itself, sealed (AES-256-GCM, docs/security.md §Identity), so the population register
   * can be asked by it at application time and in the move re-check. Null for KvK numbers and
   * for links made before it was kept; never logged, never in GraphQL.
   */
  @Property({ type: 'text', nullable: true, lazy: true })
  subjectSealed?: string | null;

  @ManyToOne(() => Account, { deleteRule: 'cascade' })
  account!: Rel<Account>;

  @Property({ type: Date })
  createdAt: Date & Opt = new Date();
}
