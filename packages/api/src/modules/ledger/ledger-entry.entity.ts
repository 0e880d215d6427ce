import { Entity, Index, ManyToOne, Property, Unique, type Opt, type Rel } from '@mikro-orm/core';
import { BaseEntity } from '../../db/base.entity.js';
import { Account } from '../account/account.entity.js';
import { Permit } from '../permit/permit.entity.js';
import { ParkingSession } from '../session/parking-session.entity.js';

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
] as const;
export type LedgerKind = (typeof ledgerKinds)[number];

/**
 * One immutable change of a permit's balance. The permit's cached balance moves in the same
 * transaction; the sum of a permit's entries is its balance.
 */
@Entity({ tableName: 'ledger_entry' })
@Index({ properties: ['permit', 'createdAt'] })
@Unique({ properties: ['permit', 'idempotencyKey'] })
export class LedgerEntry extends BaseEntity {
  @ManyToOne(() => Permit)
  permit!: Rel<Permit>;

  @Property({ type: 'string', length: 30 })
  kind!: LedgerKind;

  /** Signed, in the product's unit: positive adds to the balance. */
  @Property({ type: 'integer' })
  amount!: number;

  @Property({ type: 'integer' })
  balanceAfter!: number;

  @ManyToOne(() => ParkingSession, { nullable: true })
  session?: Rel<ParkingSession> | null;

  /** A retried mutation with the same key finds this row instead of moving the balance again. */
  @Property({ type: 'string', length: 100, nullable: true })
  idempotencyKey?: string | null;

  @ManyToOne(() => Account, { nullable: true })
  createdBy?: Rel<Account> | null;

  @Property({ type: 'datetime' })
  createdAt: Date & Opt = new Date();
}
