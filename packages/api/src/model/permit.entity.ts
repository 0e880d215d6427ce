import {
  Collection,
  Entity,
  ManyToOne,
  OneToMany,
  Property,
  Unique,
  type Opt,
  type Rel,
} from '@mikro-orm/core';
import { BaseEntity } from './base.entity.js';
import type { HolderType } from '@parkeer/shared/holder-type';
import { Account } from './account.entity.js';
import { Municipality } from './municipality.entity.js';
import { ProductType } from './product-type.entity.js';
import { Zone } from './zone.entity.js';
// Type only: the plate's entity imports this one; the relation below names it (no load-order cycle).
import type { PermitPlate } from './permit-plate.entity.js';

/** `ended`: its holder ended it early at the counter (an official's end is `revoked`). */
export const permitStatuses = ['active', 'blocked', 'revoked', 'ended'] as const;
export type PermitStatus = (typeof permitStatuses)[number];

@Entity({ tableName: 'permit' })
@Unique({ properties: ['productType', 'addressSlot'] })
export class Permit extends BaseEntity {
  @ManyToOne(() => Municipality)
  municipality!: Rel<Municipality>;

  @ManyToOne(() => ProductType)
  productType!: Rel<ProductType>;

  @ManyToOne(() => Zone)
  zone!: Rel<Zone>;

  /** Null until the granted product is coupled to an account (docs/rules.md §6). */
  @ManyToOne(() => Account, { nullable: true, index: true })
  holder?: Rel<Account> | null;

  @Property({ type: 'string', length: 30 })
  holderType!: HolderType;

  /** Identifies the address (population register / BAG id): the unit of 'one per address'. */
  @Property({ type: 'string', length: 80 })
  addressKey!: string;

  @Property({ type: 'string', length: 200 })
  addressLabel!: string;

  @Property({ type: Date })
  validFrom!: Date;

  @Property({ type: Date, nullable: true })
  validUntil?: Date | null;

  @Property({ type: 'string', length: 30 })
  status: PermitStatus & Opt = 'active';

  /** Product code from the allocation letter (with the PIN, adds the product to an account). */
  @Property({ type: 'string', length: 20, unique: true })
  productCode!: string;

  @Property({ type: 'string', length: 200, hidden: true, lazy: true })
  pinHash!: string;

  /**
   * Cached balance in the product's unit; the ledger is the truth. Changed only together with a
   * ledger row, guarded by `version`.
   */
  @Property({ type: 'integer' })
  balance: number & Opt = 0;

  @Property({ type: 'integer', version: true })
  version: number & Opt = 1;

  /**
   * The address key while this permit takes its address's one place (a one-per-address product,
   * not revoked), else null. Unique per product type, so the database refuses a second visitor
   * permit at an address (docs/rules.md §2) on SQLite and PostgreSQL alike.
   */
  @Property({ type: 'string', length: 80, nullable: true })
  addressSlot?: string | null;

  /**
   * The end of the term whose expiry reminder went out (docs/rules.md §1, reminders): one mail
   * per permit and term, however often the reminder job runs.
   */
  @Property({ type: Date, nullable: true })
  remindedUntil?: Date | null;

  @OneToMany<PermitPlate, Permit>('PermitPlate', (plate) => plate.permit)
  plates = new Collection<PermitPlate>(this);

  /**
   * When a move (docs/rules.md §2 moving) blocked or ended it; a permit blocked by a move may
   * have its unused purchase back on request, one blocked by an official may not.
   */
  @Property({ type: Date, nullable: true })
  movedAt?: Date | null;

  @Property({ type: Date })
  createdAt: Date & Opt = new Date();
}
