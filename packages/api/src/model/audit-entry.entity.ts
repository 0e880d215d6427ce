import { Entity, Index, ManyToOne, Property, type Opt, type Rel } from '@mikro-orm/core';
import { BaseEntity } from './base.entity.js';
import { Account } from './account.entity.js';
import { Municipality } from './municipality.entity.js';

/**
 * One change an administrator made, kept as it was: who, when, what, and the subject before and
 * after. Written in the transaction of the change itself, so a change without its entry (or the
 * reverse) cannot exist. Never updated or deleted by the application.
 */
@Entity({ tableName: 'audit_entry' })
@Index({ properties: ['municipality', 'at'] })
@Index({ properties: ['subjectId'] })
export class AuditEntry extends BaseEntity {
  /** The town the change belongs to; null for the platform's own changes. */
  @ManyToOne(() => Municipality, { nullable: true })
  municipality?: Rel<Municipality> | null;

  @ManyToOne(() => Account)
  actor!: Rel<Account>;

  @Property({ type: Date })
  at!: Date;

  /** What was done, e.g. 'zone.regime.set' or 'permit.block'. */
  @Property({ type: 'string', length: 60 })
  action!: string;

  /** The kind of thing changed: 'zone', 'productType', 'tariff', 'permit', … */
  @Property({ type: 'string', length: 30 })
  subjectType!: string;

  @Property({ type: 'uuid' })
  subjectId!: string;

  /** A short human label of the subject (a zone's code, a permit's product code). */
  @Property({ type: 'string', length: 200 })
  subjectLabel: string & Opt = '';

  @Property({ type: 'json', nullable: true })
  before?: unknown;

  @Property({ type: 'json', nullable: true })
  after?: unknown;
}
