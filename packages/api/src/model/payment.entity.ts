import { Entity, ManyToOne, Property, Unique, type Opt, type Rel } from '@mikro-orm/core';
import { BaseEntity } from './base.entity.js';
import { Account } from './account.entity.js';
import { Permit } from './permit.entity.js';
import { PermitApplication } from './permit-application.entity.js';

/**
 * `refunded`: paid at the provider but not credited (see `refundReason`), so the money goes back;
 * whether the provider has accepted the refund yet is `refundRef`.
 */
export const paymentStatuses = [
  'open',
  'paid',
  'cancelled',
  'failed',
  'expired',
  'refunded',
] as const;
export type PaymentStatus = (typeof paymentStatuses)[number];

/** Why a paid payment could not be credited when its outcome came in. */
export const refundReasons = [
  'capReached',
  'thresholdReached',
  'permitRevoked',
  'applicationRefused',
  'permitEnded',
] as const;
export type RefundReason = (typeof refundReasons)[number];

/** What a payment buys: balance for a permit, or a permit counter application. */
export const paymentPurposes = ['topUp', 'permitApplication'] as const;
export type PaymentPurpose = (typeof paymentPurposes)[number];

/**
 * How the payer pays at the provider: iDEAL, or a card (Mollie's `creditcard`). Chosen on the
 * counter's review step (docs/rules.md §1 payment method); a top-up pays by iDEAL.
 */
export const paymentMethods = ['ideal', 'card'] as const;
export type PaymentMethod = (typeof paymentMethods)[number];

/** A top-up being paid: created open, made paid (and credited once) by the provider's webhook. */
@Entity({ tableName: 'payment' })
@Unique({ properties: ['permit', 'idempotencyKey'] })
export class Payment extends BaseEntity {
  @Property({ type: 'string', length: 20 })
  purpose: PaymentPurpose & Opt = 'topUp';

  /** The permit topped up; for an application, the permit once granted (or renewed/changed). */
  @ManyToOne(() => Permit, { nullable: true })
  permit?: Rel<Permit> | null;

  /** The counter application this pays (purpose `permitApplication`). */
  @ManyToOne(() => PermitApplication, { nullable: true, index: true })
  application?: Rel<PermitApplication> | null;

  @ManyToOne(() => Account)
  account!: Rel<Account>;

  /**
   * Started by a visitor permit's registration number + PIN login (docs/rules.md §6): the bank
   * sends the browser back to that login's home, and `account` is then the permit's holder.
   */
  @Property({ type: 'boolean', default: false })
  byRegistrationLogin: boolean & Opt = false;

  /** What the top-up adds, in the product's unit. */
  @Property({ type: 'integer' })
  amount!: number;

  @Property({ type: 'integer' })
  priceCents!: number;

  @Property({ type: 'integer' })
  feeCents!: number;

  @Property({ type: 'integer' })
  totalCents!: number;

  /** How it is paid at the provider; a retried start opens it with the same method. */
  @Property({ type: 'string', length: 12, default: 'ideal' })
  method: PaymentMethod & Opt = 'ideal';

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

  /** Set with status `refunded`, in the transaction that decided not to credit the payment. */
  @Property({ type: 'string', length: 30, nullable: true })
  refundReason?: RefundReason | null;

  /** How much goes back, in cents; null: the whole total (a payment that was not credited). */
  @Property({ type: 'integer', nullable: true })
  refundCents?: number | null;

  /** The provider's id of the refund, once the provider has accepted it. */
  @Property({ type: 'string', length: 120, nullable: true })
  refundRef?: string | null;

  @Property({ type: Date, nullable: true })
  refundedAt?: Date | null;
}
