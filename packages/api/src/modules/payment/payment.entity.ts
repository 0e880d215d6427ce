import { Entity, ManyToOne, Property, Unique, type Opt, type Rel } from '@mikro-orm/core';
import { BaseEntity } from '../../db/base.entity.js';
import { Account } from '../account/account.entity.js';
import { Permit } from '../permit/permit.entity.js';

export const paymentStatuses = ['open', 'paid', 'cancelled', 'failed', 'expired'] as const;
export type PaymentStatus = (typeof paymentStatuses)[number];

/** A top-up being paid: created open, made paid (and credited once) by the provider's webhook. */
@Entity({ tableName: 'payment' })
@Unique({ properties: ['permit', 'idempotencyKey'] })
export class Payment extends BaseEntity {
  @ManyToOne(() => Permit)
  permit!: Rel<Permit>;

  @ManyToOne(() => Account)
  account!: Rel<Account>;

  /** What the top-up adds, in the product's unit. */
  @Property({ type: 'integer' })
  amount!: number;

  @Property({ type: 'integer' })
  priceCents!: number;

  @Property({ type: 'integer' })
  feeCents!: number;

  @Property({ type: 'integer' })
  totalCents!: number;

  /** The PaymentProvider that handles it, e.g. 'simulatedIdeal'. */
  @Property({ type: 'string', length: 40 })
  provider!: string;

  /** The provider's own id of the payment. */
  @Property({ type: 'string', length: 120, nullable: true, unique: true })
  providerRef?: string | null;

  @Property({ type: 'string', length: 20 })
  status: PaymentStatus & Opt = 'open';

  @Property({ type: 'string', length: 100 })
  idempotencyKey!: string;

  @Property({ type: Date })
  createdAt: Date & Opt = new Date();

  @Property({ type: Date, nullable: true })
  completedAt?: Date | null;
}
