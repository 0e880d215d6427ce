import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { BalanceUnit } from '@parkeer/shared/balance-unit';
import type { Delegation } from '../../model/delegation.entity.js';
import type { Permit, PermitStatus } from '../../model/permit.entity.js';
import { permitStatuses } from '../../model/permit.entity.js';
import { BalanceUnitEnum } from '../../graphql/balance-unit.enum.js';
import { productKinds, type ProductKind } from '@parkeer/domain/product/product-kinds';

export const ProductKindEnum = Object.fromEntries(productKinds.map((k) => [k, k])) as Record<
  ProductKind,
  ProductKind
>;
registerEnumType(ProductKindEnum, {
  description: 'What kind of permit a product is (docs/rules.md §1).',
  name: 'ProductKind',
  valuesConfig: {
    residentPermit: { description: "A resident's parking permit on a plate." },
    businessPermit: { description: "A business's parking permit on a plate." },
    visitorPermit: {
      description: "A household's visitor permit: a balance for visitors' sessions, by plate.",
    },
    flexibleBusinessPermit: {
      description: 'A business permit with a list of plates, one registered at a time.',
    },
    carePermit: { description: 'A permit for carers, valid where the town lists it.' },
    contractorDayPermit: { description: "A contractor's permit by the day." },
    exemption: { description: 'An exemption: parking without paying, on a plate.' },
  },
});
export const ProductStatusEnum = Object.fromEntries(permitStatuses.map((s) => [s, s])) as Record<
  PermitStatus,
  PermitStatus
>;
registerEnumType(ProductStatusEnum, {
  description: 'Whether a permit gives a right now.',
  name: 'ProductStatus',
  valuesConfig: {
    active: { description: 'In force: sessions may be started and the right counts.' },
    blocked: {
      description:
        'Blocked by the town for now: no sessions, no right; it may be made active again.',
    },
    revoked: { description: 'Revoked by the town for good.' },
    ended: { description: 'Ended by its holder (or at the end of its term).' },
  },
});

@ObjectType('Municipality', {
  description: 'A municipality on the platform, as its residents see it.',
})
export class MunicipalityDto {
  @Field(() => ID, { description: 'The municipality.' })
  id!: string;

  @Field(() => String, { description: "Short lower-case code, e.g. 'delft'." })
  code!: string;

  @Field(() => String, { description: 'Its name.' })
  name!: string;

  @Field(() => String, { description: 'Where its logo is; null: none.', nullable: true })
  logoUrl!: string | null;
}

@ObjectType('Zone', { description: 'A parking zone of a municipality.' })
export class ZoneDto {
  @Field(() => ID, { description: 'The zone.' })
  id!: string;

  @Field(() => String, { description: "Short code on signs and in apps, e.g. 'B'." })
  code!: string;

  @Field(() => String, { description: 'Its name.' })
  name!: string;
}

@ObjectType({ description: "A balance in the product's unit." })
export class Balance {
  @Field(() => Int, { description: 'Minutes, or euro cents.' })
  amount!: number;

  @Field(() => BalanceUnitEnum, { description: 'Whether amount counts minutes or euro cents.' })
  unit!: BalanceUnit;
}

@ObjectType('Product', {
  description:
    'A permit the viewer holds, or uses through a delegation (then `delegatedBy` is set).',
})
export class ProductDto {
  @Field(() => ID, {
    description: 'The permit; pass it as permitId (or, in older fields, productId).',
  })
  id!: string;

  @Field(() => String, { description: "In the viewer's language." })
  name!: string;

  @Field(() => ProductKindEnum, { description: 'What kind of permit it is.' })
  kind!: ProductKind;

  @Field(() => ZoneDto, { description: 'The zone it is valid in.' })
  zone!: ZoneDto;

  @Field(() => MunicipalityDto, { description: 'The municipality that issued it.' })
  municipality!: MunicipalityDto;

  @Field(() => ProductStatusEnum, { description: 'Whether it gives a right now.' })
  status!: PermitStatus;

  @Field(() => Date, { description: 'When it starts to give a right.' })
  validFrom!: Date;

  @Field(() => Date, { nullable: true, description: 'Null: valid until further notice.' })
  validUntil!: Date | null;

  @Field(() => Balance, {
    nullable: true,
    description: "Null for products without a balance; a delegate sees the delegation's budget.",
  })
  balance!: Balance | null;

  @Field(() => String, {
    nullable: true,
    description: "The owner's e-mail when the viewer uses this product through a delegation.",
  })
  delegatedBy!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The only plate a delegation allows, if it is limited to one.',
  })
  delegationPlate!: string | null;

  @Field(() => String, { nullable: true, description: 'The address; not shown to delegates.' })
  address!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The product code of the allocation letter; not shown to delegates.',
  })
  productCode!: string | null;

  @Field(() => Boolean, { description: 'The owner may top up, keep favorites and delegate.' })
  isOwner!: boolean;

  @Field(() => Boolean, { description: 'Its product type allows lending balance to others.' })
  delegationAllowed!: boolean;

  @Field(() => Boolean, { description: 'Sessions can be started with this product.' })
  hasSessions!: boolean;

  @Field(() => Boolean, {
    description:
      'Its owner can buy balance for it (its product type has a top-up policy); false for a delegate.',
  })
  canTopUp!: boolean;

  /** For field resolvers: the permit and, for a delegate, the delegation. */
  permit!: Permit;
  delegation!: Delegation | null;
}

@ObjectType({ description: "The viewer's products in one municipality." })
export class ProductGroup {
  @Field(() => MunicipalityDto, { description: 'The municipality.' })
  municipality!: MunicipalityDto;

  @Field(() => Int, { description: 'How many products.' })
  count!: number;

  @Field(() => [ProductDto], { description: 'The products.' })
  products!: ProductDto[];
}
