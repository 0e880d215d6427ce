import { Entity, ManyToOne, Property, Unique, type Opt, type Rel } from '@mikro-orm/core';
import { BaseEntity } from './base.entity.js';
import type { TopUpPolicy } from '@parkeer/domain/balance/top-up-policy';
import {
  defaultMinuteCounting,
  type MinuteCounting,
} from '@parkeer/domain/billing/billing-settings';
import type { PermitEligibilitySettings } from '@parkeer/domain/eligibility/permit-application';
import type { SessionPolicy } from '@parkeer/domain/session-policy/session-policy';
import type { BalanceUnit } from '@parkeer/shared/balance-unit';
import { Municipality } from './municipality.entity.js';

export const productKinds = [
  'residentPermit',
  'businessPermit',
  'visitorPermit',
  'flexibleBusinessPermit',
  'carePermit',
  'contractorDayPermit',
  'exemption',
] as const;
export type ProductKind = (typeof productKinds)[number];

/**
 * Kinds whose right is the active plate itself: the right-check finds them by plate (its SQL
 * lists the same kinds, kept equal by a test), and only their plate can be changed.
 */
export const plateRightKinds: readonly ProductKind[] = [
  'residentPermit',
  'businessPermit',
  'carePermit',
  'contractorDayPermit',
  'exemption',
];

/** A kind of permit a municipality issues, with all of its rules as settings. */
@Entity({ tableName: 'product_type' })
@Unique({ properties: ['municipality', 'code'] })
export class ProductType extends BaseEntity {
  @ManyToOne(() => Municipality)
  municipality!: Rel<Municipality>;

  /** Stable code, also the key of zones' holder-type exclusions, e.g. 'visitor-permit'. */
  @Property({ type: 'string', length: 60 })
  code!: string;

  @Property({ type: 'string', length: 30 })
  kind!: ProductKind;

  @Property({ type: 'json' })
  name!: { nl: string; en: string };

  /** Null for products without a balance (a resident permit is a right, not a balance). */
  @Property({ type: 'string', length: 10, nullable: true })
  balanceUnit?: BalanceUnit | null;

  @Property({ type: 'string', length: 12 })
  minuteCounting: MinuteCounting & Opt = defaultMinuteCounting;

  @Property({ type: 'json', nullable: true })
  sessionPolicy?: SessionPolicy | null;

  @Property({ type: 'json', nullable: true })
  topUpPolicy?: TopUpPolicy | null;

  @Property({ type: 'json' })
  eligibility!: PermitEligibilitySettings;

  @Property({ type: 'boolean' })
  delegationAllowed: boolean & Opt = false;

  /** A visitor permit limits one per address: the database enforces it (see the migrations). */
  @Property({ type: 'boolean' })
  onePerAddress: boolean & Opt = false;
}
