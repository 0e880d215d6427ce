import { Entity, ManyToOne, Property, type Opt, type Rel } from '@mikro-orm/core';
import { BaseEntity } from './base.entity.js';
import { Account } from './account.entity.js';
import { Municipality } from './municipality.entity.js';
import { Permit } from './permit.entity.js';
import { PermitApplication } from './permit-application.entity.js';

/** A decision letter the platform wrote, or a document an applicant uploaded. */
export const documentKinds = ['letter', 'upload'] as const;
export type DocumentKind = (typeof documentKinds)[number];

/** The decisions that get a letter, and a new PIN sent on request (docs/rules.md §6). */
export const letterKinds = [
  'granted',
  'changed',
  'extended',
  'ended',
  'refused',
  'moved',
  'newPin',
] as const;
export type LetterKind = (typeof letterKinds)[number];

/**
 * A file kept with a permit or an application: its decision letters (PDF, rendered by the work
 * queue from `letterData`, so the letter says what was decided even if settings change later)
 * and the applicant's uploads (a lease contract, a statement).
 */
@Entity({ tableName: 'permit_document' })
export class PermitDocument extends BaseEntity {
  /**
   * The town it belongs to; null for an upload not yet attached to an application (an upload is
   * made before the applicant submits; the counter sets the town when it attaches it).
   */
  @ManyToOne(() => Municipality, { nullable: true })
  municipality?: Rel<Municipality> | null;

  @ManyToOne(() => Permit, { nullable: true, index: true })
  permit?: Rel<Permit> | null;

  @ManyToOne(() => PermitApplication, { nullable: true, index: true })
  application?: Rel<PermitApplication> | null;

  @Property({ type: 'string', length: 10 })
  kind!: DocumentKind;

  @Property({ type: 'string', length: 20, nullable: true })
  letterKind?: LetterKind | null;

  /** For an upload: which requirement of the product it meets (e.g. 'leaseContract'). */
  @Property({ type: 'string', length: 60, nullable: true })
  requirement?: string | null;

  @Property({ type: 'string', length: 200 })
  fileName!: string;

  @Property({ type: 'string', length: 100 })
  contentType!: string;

  /** The file; null for a letter until the work queue has rendered it. */
  @Property({ type: 'blob', nullable: true, lazy: true })
  content?: Buffer | null;

  @Property({ type: 'integer' })
  size: number & Opt = 0;

  /** What a letter states, written with the decision. */
  @Property({ type: 'json', nullable: true })
  letterData?: Record<string, unknown> | null;

  @ManyToOne(() => Account, { nullable: true })
  createdBy?: Rel<Account> | null;

  @Property({ type: Date })
  createdAt!: Date;
}
