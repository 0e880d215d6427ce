import { Entity, Index, ManyToOne, Property, Unique, type Opt, type Rel } from '@mikro-orm/core';
import type { ReviewCase } from '@parkeer/domain/counter/counter-settings';
import type { DepartedHolderReason } from '@parkeer/domain/eligibility/departed-holder';
import type { RegistryName } from '@parkeer/shared/registry-name';
import type { HolderType } from '@parkeer/shared/holder-type';
import type { Language } from '@parkeer/shared/language';
import { BaseEntity } from './base.entity.js';
import { Account } from './account.entity.js';
import { Municipality } from './municipality.entity.js';
import { Permit } from './permit.entity.js';
import { ProductType } from './product-type.entity.js';
import { Zone } from './zone.entity.js';

/** What is asked at the counter: a new permit, the next term of one, or another plate. */
export const applicationKinds = ['new', 'renewal', 'plateChange'] as const;
export type ApplicationKind = (typeof applicationKinds)[number];

/**
 * `waitlisted`: the zone's quota was full, it waits its turn (docs/rules.md §2 quotas);
 * `offered`: a place was offered, to be paid before `offerExpiresAt`;
 * `awaitingPayment`: at the payment provider; `awaitingReview`: paid (or free) and waiting for an
 * official because the rules could not decide; `granted`: the permit (or its change) is in
 * effect; `refused`: by an official (a paid one is refunded); `cancelled`: the payment failed,
 * expired or was cancelled.
 */
export const applicationStatuses = [
  'waitlisted',
  'offered',
  'awaitingPayment',
  'awaitingReview',
  'granted',
  'refused',
  'cancelled',
] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

/**
 * One request at the permit counter (docs/rules.md §2, the permit counter). Paying it and the
 * right on the plate happen in one transaction: the webhook that confirms the payment grants it
 * (or queues it for review when the rules could not decide).
 */
@Entity({ tableName: 'permit_application' })
@Unique({ properties: ['applicant', 'idempotencyKey'] })
@Index({ properties: ['municipality', 'status'] })
export class PermitApplication extends BaseEntity {
  @ManyToOne(() => Municipality)
  municipality!: Rel<Municipality>;

  @ManyToOne(() => ProductType)
  productType!: Rel<ProductType>;

  @Property({ type: 'string', length: 20 })
  kind!: ApplicationKind;

  /** The zone of the permit; null for a product not bound to a zone. */
  @ManyToOne(() => Zone, { nullable: true })
  zone?: Rel<Zone> | null;

  /** A renewal's or plate change's permit; a new application's once granted. */
  @ManyToOne(() => Permit, { nullable: true, index: true })
  permit?: Rel<Permit> | null;

  /** Whose permit it is: the represented person when someone applies for them. */
  @ManyToOne(() => Account, { index: true })
  applicant!: Rel<Account>;

  /** Who filled it in (the applicant, a carer acting for them, or an official). */
  @ManyToOne(() => Account)
  actor!: Rel<Account>;

  @Property({ type: 'string', length: 30 })
  holderType!: HolderType;

  @Property({ type: 'string', length: 80 })
  addressKey!: string;

  @Property({ type: 'string', length: 200 })
  addressLabel!: string;

  /**
   * A business's establishment (KvK vestigingsnummer) the permit is for, whose visiting address
   * is `addressKey` (docs/rules.md §2 business permits); null for a resident.
   */
  @Property({ type: 'string', length: 12, nullable: true })
  establishmentNumber?: string | null;

  /** Normalised plates with their country, the first is the active one. */
  @Property({ type: 'json' })
  plates: Array<{ plate: string; country: string }> & Opt = [];

  /** The term applied for. */
  @Property({ type: Date })
  validFrom!: Date;

  @Property({ type: Date, nullable: true })
  validUntil?: Date | null;

  @Property({ type: 'integer' })
  priceCents!: number;

  @Property({ type: 'integer' })
  feeCents!: number;

  @Property({ type: 'integer' })
  totalCents!: number;

  @Property({ type: 'string', length: 20, index: true })
  status!: ApplicationStatus;

  /** Why an official must decide (empty when the rules decided). */
  @Property({ type: 'json' })
  reviewCases: ReviewCase[] & Opt = [];

  /**
   * Registries that could not answer when it was filed (docs/rules.md §2): an official checks
   * by hand what they would have said.
   */
  @Property({ type: 'json', default: '[]' })
  unansweredRegistries: RegistryName[] & Opt = [];

  /**
   * Rules that sent it to an official instead of deciding (docs/rules.md §2 departed holder:
   * the address's place is held by someone the register no longer has living there).
   */
  @Property({ type: 'json', default: '[]' })
  reviewReasons: DepartedHolderReason[] & Opt = [];

  /**
   * Its order on the waiting list (docs/rules.md §2 quotas): lower goes first, then who joined
   * first; null when it never waited.
   */
  @Property({ type: 'integer', nullable: true })
  waitlistRank?: number | null;

  /** When its waiting-list offer lapses unless paid; null without an offer. */
  @Property({ type: Date, nullable: true })
  offerExpiresAt?: Date | null;

  /** The applicant's own words for the official. */
  @Property({ type: 'text', nullable: true })
  explanation?: string | null;

  /** Where letters and mails about it go. */
  @Property({ type: 'string', length: 254, nullable: true })
  contactEmail?: string | null;

  @Property({ type: 'string', length: 2 })
  language: Language & Opt = 'nl';

  @Property({ type: 'string', length: 100 })
  idempotencyKey!: string;

  @Property({ type: Date })
  createdAt!: Date;

  @ManyToOne(() => Account, { nullable: true })
  decidedBy?: Rel<Account> | null;

  @Property({ type: Date, nullable: true })
  decidedAt?: Date | null;

  /** The official's reason, shown to the applicant and in the letter. */
  @Property({ type: 'text', nullable: true })
  decisionReason?: string | null;
}
