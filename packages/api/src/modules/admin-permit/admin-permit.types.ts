import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { RefundOccasion } from '@parkeer/domain/balance/top-up-policy';
import type { BalanceUnit } from '@parkeer/shared/balance-unit';
import { holderTypes, type HolderType } from '@parkeer/shared/holder-type';
import { BalanceUnitEnum } from '../../graphql/balance-unit.enum.js';
import { ConnectionType } from '../../graphql/connection.js';
import type { PermitStatus } from '../../model/permit.entity.js';
import { PermitPlateDto } from '../plate/plate.types.js';
import type { ProductKind } from '@parkeer/domain/product/product-kinds';
// One GraphQL type per name: the product module registers these, the back office reuses them.
import { ProductKindEnum, ProductStatusEnum } from '../product/product.types.js';

const enumOf = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((value) => [value, value])) as Record<T, T>;

// Named after the permit: the product settings may register a holder type of their own.
export const PermitHolderTypeEnum = enumOf(holderTypes);
registerEnumType(PermitHolderTypeEnum, {
  name: 'PermitHolderType',
  description: 'Who holds a permit: a resident (household) or a business.',
  valuesConfig: {
    resident: { description: 'A resident (household).' },
    business: { description: 'A business (KvK).' },
  },
});

export const refundOccasions = [
  'movedToOtherZone',
  'movedOutOfPaidParking',
  'holderDied',
  'permitEnded',
] as const satisfies readonly RefundOccasion[];
export const RefundOccasionEnum = enumOf(refundOccasions);
registerEnumType(RefundOccasionEnum, {
  name: 'RefundOccasion',
  description:
    "Why a permit ends; the product's policy says on which occasions unused balance is refunded (docs/rules.md §2, §4).",
  valuesConfig: {
    movedToOtherZone: { description: 'The holder moved to another zone.' },
    movedOutOfPaidParking: { description: 'The holder moved out of paid parking.' },
    holderDied: { description: 'The holder died.' },
    permitEnded: { description: 'The permit ended for another reason.' },
  },
});

@ObjectType('AdminPermit', {
  description: 'A permit of the municipality as the back office lists it.',
})
export class AdminPermitDto {
  @Field(() => ID, { description: 'The permit (the same id as Product.id).' })
  id!: string;

  @Field(() => String, { description: 'From the allocation letter, e.g. PK100003.' })
  productCode!: string;

  @Field(() => String, { description: "The product type's code, e.g. 'visitor-permit'." })
  productTypeCode!: string;

  @Field(() => String, { description: "The product's name in the viewer's language." })
  productName!: string;

  @Field(() => ProductKindEnum, { description: 'What kind of permit it is.' })
  kind!: ProductKind;

  @Field(() => Boolean, {
    description: 'Whether the right is the active plate itself, so the plate can be changed.',
  })
  hasPlateRight!: boolean;

  @Field(() => String, { description: 'The code of the zone it is valid in.' })
  zoneCode!: string;

  @Field(() => String, { nullable: true, description: 'Null until the permit is coupled.' })
  holderEmail!: string | null;

  @Field(() => PermitHolderTypeEnum, { description: 'A resident or a business.' })
  holderType!: HolderType;

  @Field(() => String, { description: 'The address it was issued to, as printed.' })
  addressLabel!: string;

  @Field(() => ProductStatusEnum, { description: 'Whether it gives a right now.' })
  status!: PermitStatus;

  @Field(() => Int, { description: "The permit's own balance, in `unit`." })
  balance!: number;

  @Field(() => BalanceUnitEnum, { nullable: true, description: 'Null: a product without balance.' })
  unit!: BalanceUnit | null;

  @Field(() => [PermitPlateDto], { description: 'Registered plates; at most one is active.' })
  plates!: PermitPlateDto[];
}

@ObjectType('AdminPermitConnection', {
  description: "A page of the town's permits (docs/graphql.md, Lists: connections).",
})
export class AdminPermitConnection extends ConnectionType(AdminPermitDto, 'AdminPermit') {}

@ObjectType('AdminPermitDetails', {
  description: 'A permit with its validity and use; its ledger is the `ledger` field.',
})
export class AdminPermitDetailsDto extends AdminPermitDto {
  @Field(() => String, { description: 'Identifies the address: the unit of one per address.' })
  addressKey!: string;

  @Field(() => Date, { description: 'When it starts to give a right.' })
  validFrom!: Date;

  @Field(() => Date, { description: 'When it stops; null: until further notice.', nullable: true })
  validUntil!: Date | null;

  @Field(() => Int, { description: 'Delegations invited or accepted, not revoked.' })
  openDelegations!: number;

  @Field(() => Int, { description: 'Sessions planned or running now.' })
  openSessions!: number;

  @Field(() => Date, { description: 'When it was issued or granted.' })
  createdAt!: Date;

  @Field(() => String, {
    nullable: true,
    description:
      "A business permit's establishment (KvK vestigingsnummer), from the application that granted or last renewed it; null for a resident's permit or one issued in the back office.",
  })
  establishmentNumber!: string | null;
}

@ObjectType('PermitRevocation', { description: 'A revoked permit and what was refunded.' })
export class PermitRevocationDto {
  @Field(() => AdminPermitDetailsDto, { description: 'The permit as revoked.' })
  permit!: AdminPermitDetailsDto;

  @Field(() => Int, {
    nullable: true,
    description: 'Euro cents owed to the holder for the unused purchase; null: no refund.',
  })
  refundCents!: number | null;

  @Field(() => Int, { description: "Balance taken off by the refund, in the product's unit." })
  refundedAmount!: number;

  @Field(() => String, {
    nullable: true,
    description:
      "Why nothing is refunded: 'REFUND_BALANCE_LAPSES' or 'REFUND_OCCASION_NOT_COVERED'.",
  })
  refundRefusal!: string | null;

  @Field(() => Int, { description: 'Sessions ended or deleted by the revocation.' })
  endedSessions!: number;
}

@InputType({ description: 'A permit issued by the municipality to an address.' })
export class IssuePermitInput {
  @Field(() => String, { description: "One of the town's product types, e.g. 'visitor-permit'." })
  productType!: string;

  @Field(() => String, { description: 'The code of one of the town’s zones.' })
  zone!: string;

  @Field(() => String, { description: 'Population register / BAG id of the address.' })
  addressKey!: string;

  @Field(() => String, { description: "As shown, e.g. 'Oude Delft 1, Delft'." })
  addressLabel!: string;

  @Field(() => PermitHolderTypeEnum, { description: 'A resident or a business.' })
  holderType!: HolderType;

  @Field(() => Date, { description: 'When it starts to give a right.' })
  validFrom!: Date;

  @Field(() => Date, { description: 'When it stops; null: until further notice.', nullable: true })
  validUntil?: Date | null;

  @Field(() => String, { description: 'Where the coupling link goes (docs/rules.md §6).' })
  email!: string;
}

@ObjectType('IssuedPermit', {
  description: 'A permit the municipality issued, with what its allocation letter prints.',
})
export class IssuedPermitDto {
  @Field(() => AdminPermitDetailsDto, { description: 'The permit as issued.' })
  permit!: AdminPermitDetailsDto;

  @Field(() => String, { description: 'For the allocation letter.' })
  productCode!: string;

  @Field(() => String, {
    description: 'For the allocation letter: shown this once, only its hash is stored.',
  })
  pin!: string;
}
