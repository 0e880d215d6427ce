import { Entity, Index, ManyToOne, Property, type Opt, type Rel } from '@mikro-orm/core';
import { BaseEntity } from './base.entity.js';
import { Account } from './account.entity.js';
import { Delegation } from './delegation.entity.js';
import { PartnerApp } from './partner-app.entity.js';
import { Permit } from './permit.entity.js';

/**
 * What an anonymised session keeps instead of its plate. Not a hash: nothing that could be
 * matched against a plate again (docs/rules.md §8).
 */
export const anonymisedPlate = '-';
export const anonymisedCountry = '--';

/** 'deleted': a planned session taken back before it started; it never counted. */
export const sessionStatuses = ['planned', 'running', 'ended', 'deleted'] as const;
export type SessionStatus = (typeof sessionStatuses)[number];
export const channels = ['web', 'app', 'phone', 'partner', 'desk'] as const;
export type Channel = (typeof channels)[number];

@Entity({ tableName: 'parking_session' })
@Index({ properties: ['plate', 'status'] })
@Index({ properties: ['permit', 'status'] })
export class ParkingSession extends BaseEntity {
  @ManyToOne(() => Permit)
  permit!: Rel<Permit>;

  /** Normalised; replaced by an anonymous marker on the retention schedule (docs/rules.md §8). */
  @Property({ type: 'string', length: 10 })
  plate!: string;

  @Property({ type: 'string', length: 2 })
  country: string & Opt = 'NL';

  @Property({ type: Date })
  start!: Date;

  @Property({ type: Date })
  end!: Date;

  @Property({ type: Date, nullable: true })
  stoppedAt?: Date | null;

  /** What the session holds of the balance, in the product's unit. */
  @Property({ type: 'integer' })
  reservation!: number;

  /** Set when the session is settled. */
  @Property({ type: 'integer', nullable: true })
  charge?: number | null;

  /** Set when a delegate started it: it is paid from the delegation's pot. */
  @ManyToOne(() => Delegation, { nullable: true })
  delegation?: Rel<Delegation> | null;

  @ManyToOne(() => Account, { nullable: true })
  startedBy?: Rel<Account> | null;

  /**
   * The app that started it for the holder with their consent (channel `partner`, docs/graphql.md
   * "Acting for a resident"): the holder's history names it.
   */
  @ManyToOne(() => PartnerApp, { nullable: true })
  startedByApp?: Rel<PartnerApp> | null;

  @Property({ type: 'string', length: 30 })
  channel!: Channel;

  @Property({ type: 'string', length: 30 })
  status!: SessionStatus;

  /**
   * A fine was written near this session (docs/rules.md §9 fines): its plate is kept until the
   * town's objection period has passed, past the normal anonymisation (§8). Null: no fine.
   */
  @Property({ type: Date, nullable: true })
  keptUntil?: Date | null;

  @Property({ type: Date })
  createdAt: Date & Opt = new Date();
}
