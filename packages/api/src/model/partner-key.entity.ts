import { Entity, Index, ManyToOne, Property, type Opt, type Rel } from '@mikro-orm/core';
import { BaseEntity } from './base.entity.js';
import { Account } from './account.entity.js';
import { Municipality } from './municipality.entity.js';

/**
 * A town's machine key for a partner (a scan car, the town's own systems; docs/security.md,
 * "Machine keys"): a set of scopes in one town. Only hashes of its secret are kept; the secret is
 * shown once. During a rotation's overlap the previous secret works too, until its expiry.
 */
@Entity({ tableName: 'partner_key' })
@Index({ properties: ['municipality', 'createdAt'] })
export class PartnerKey extends BaseEntity {
  @ManyToOne(() => Municipality, { deleteRule: 'cascade' })
  municipality!: Rel<Municipality>;

  /** Who holds the key (a scan-car vendor, the town's parking system). */
  @Property({ type: 'string', length: 100 })
  partnerName!: string;

  /** What the town calls this key (a car, a system). */
  @Property({ type: 'string', length: 100 })
  label!: string;

  /** Partner scopes of `graphql/scope-gate.ts`. */
  @Property({ type: 'json' })
  scopes!: string[];

  /** SHA-256 (hex) of the current secret: the secret is random, so no slow hash is needed. */
  @Property({ type: 'string', length: 64, hidden: true })
  secretHash!: string;

  /** The secret a rotation replaced, valid until `previousSecretExpiresAt`. */
  @Property({ type: 'string', length: 64, nullable: true, hidden: true })
  previousSecretHash?: string | null;

  @Property({ type: Date, nullable: true })
  previousSecretExpiresAt?: Date | null;

  /** Requests per minute; null: the configured default. */
  @Property({ type: 'integer', nullable: true })
  requestsPerMinute?: number | null;

  /** Operation cost (as the operation limits weigh it) per minute; null: the default. */
  @Property({ type: 'integer', nullable: true })
  costPerMinute?: number | null;

  @ManyToOne(() => Account, { nullable: true, deleteRule: 'set null' })
  createdBy?: Rel<Account> | null;

  @Property({ type: Date })
  createdAt: Date & Opt = new Date();

  @Property({ type: Date, nullable: true })
  rotatedAt?: Date | null;

  @Property({ type: Date, nullable: true })
  revokedAt?: Date | null;

  /** Written with the usage counts, in batches: up to a flush behind. */
  @Property({ type: Date, nullable: true })
  lastUsedAt?: Date | null;
}
