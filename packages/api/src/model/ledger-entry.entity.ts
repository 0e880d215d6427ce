import { Entity, ManyToOne, Property, Unique, type Opt, type Rel } from '@mikro-orm/core';
import { BaseEntity } from './base.entity.js';
import { Account } from './account.entity.js';
import { Delegation } from './delegation.entity.js';
import { Payment } from './payment.entity.js';
import { Permit } from './permit.entity.js';
import { ParkingSession } from './parking-session.entity.js';

export const ledgerKinds = [
  'topUp',
  'reserve',
  'charge',
  'release',
  'delegationGrant',
  'delegationReturn',
  'careGrant',
  'compensation',
  'refund',
  'permitFee',
  'permitRefund',
] as const;
export type LedgerKind = (typeof ledgerKinds)[number];

/** Whose balance a row moves: the permit's own, or the pot of one of its delegations. */
export const ledgerPots = ['permit', 'delegation'] as const;
export type LedgerPot = (typeof ledgerPots)[number];

/**
 * One immutable change of a balance. The cached balance moves in the same transaction: the sum
 * of a permit's 'permit' rows is the permit's balance, the sum of a delegation's 'delegation'
 * rows is that delegation's. A grant to a delegation is two rows, one in each pot.
 *
 * `sequence` numbers a permit's rows (both pots) in the order they were written under the
 * permit's lock: in that order each pot's balanceAfter follows from the one before, which
 * `createdAt` (the moment a request arrived) does not promise (docs/architecture.md, The money
 * path).
 */
@Entity({ tableName: 'ledger_entry' })
@Unique({ properties: ['permit', 'sequence'] })
@Unique({ properties: ['permit', 'idempotencyKey'] })
export class LedgerEntry extends BaseEntity {
  @ManyToOne(() => Permit)
  permit!: Rel<Permit>;

  /** 1, 2, 3… per permit, in write order; assigned by the ledger writer only. */
  @Property({ type: 'integer' })
  sequence!: number;

  @Property({ type: 'string', length: 30 })
  kind!: LedgerKind;

  @Property({ type: 'string', length: 12 })
  pot: LedgerPot & Opt = 'permit';

  @ManyToOne(() => Delegation, { nullable: true })
  delegation?: Rel<Delegation> | null;

  /** Signed, in the product's unit: positive adds to the balance. */
  @Property({ type: 'integer' })
  amount!: number;

  @Property({ type: 'integer' })
  balanceAfter!: number;

  /**
   * Money that changed hands with this row, in euro cents: positive paid by the holder (a
   * permit's price and fee), negative paid back (a pro-rata refund). Null for rows that only
   * move a balance. A permit without a balance books its money with amount 0.
   */
  @Property({ type: 'integer', nullable: true })
  moneyCents?: number | null;

  @ManyToOne(() => ParkingSession, { nullable: true })
  session?: Rel<ParkingSession> | null;

  @ManyToOne(() => Payment, { nullable: true })
  payment?: Rel<Payment> | null;

  /** An operation's own key (a payment's credit, a compensation): booked once per permit. */
  @Property({ type: 'string', length: 100, nullable: true })
  idempotencyKey?: string | null;

  @ManyToOne(() => Account, { nullable: true })
  createdBy?: Rel<Account> | null;

  @Property({ type: Date })
  createdAt: Date & Opt = new Date();
}
