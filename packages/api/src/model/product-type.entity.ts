import { Entity, ManyToOne, Property, Unique, type Opt, type Rel } from '@mikro-orm/core';
import { BaseEntity } from './base.entity.js';
import type { TopUpPolicy } from '@parkeer/domain/balance/top-up-policy';
import {
  defaultMinuteCounting,
  type MinuteCounting,
} from '@parkeer/domain/billing/billing-settings';
import type { PermitEligibilitySettings } from '@parkeer/domain/eligibility/permit-application';
import type { ZoneValidity } from '@parkeer/domain/settings/permit-scope-validation';
import type { SessionPolicy } from '@parkeer/domain/session-policy/session-policy';
import type { CounterSettings } from '@parkeer/domain/counter/counter-settings';
import type { BalanceUnit } from '@parkeer/shared/balance-unit';
import type { ProductKind } from '@parkeer/domain/product/product-kinds';
import { Municipality } from './municipality.entity.js';

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

  /**
   * Where a permit of this product is valid (docs/rules.md §1 care permit): its own zone, every
   * zone of the town, or the zones the town listed (rows of `ProductTypeZone`), for a care
   * worker who parks where the clients live. The right-check and the vehicle check read it.
   */
  @Property({ type: 'string', length: 12 })
  validIn: ZoneValidity & Opt = 'ownZone';

  /** How the permit counter sells it; null: not offered there, only issued by an official. */
  @Property({ type: 'json', nullable: true })
  counter?: CounterSettings | null;

  /**
   * How many plates a flexible business permit lists (docs/rules.md §5, The flexible business
   * permit); null for products without such a list.
   */
  @Property({ type: 'integer', nullable: true })
  maxListedPlates?: number | null;
}
