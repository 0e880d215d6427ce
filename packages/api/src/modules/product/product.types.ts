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
registerEnumType(ProductKindEnum, { name: 'ProductKind' });
export const ProductStatusEnum = Object.fromEntries(permitStatuses.map((s) => [s, s])) as Record<
  PermitStatus,
  PermitStatus
>;
registerEnumType(ProductStatusEnum, { name: 'ProductStatus' });

@ObjectType('Municipality')
export class MunicipalityDto {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  logoUrl!: string | null;
}

@ObjectType('Zone')
export class ZoneDto {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  code!: string;

  @Field(() => String)
  name!: string;
}

@ObjectType({ description: "A balance in the product's unit." })
export class Balance {
  @Field(() => Int, { description: 'Minutes, or euro cents.' })
  amount!: number;

  @Field(() => BalanceUnitEnum)
  unit!: BalanceUnit;
}

@ObjectType('Product', {
  description:
    'A permit the viewer holds, or uses through a delegation (then `delegatedBy` is set).',
})
export class ProductDto {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: "In the viewer's language." })
  name!: string;

  @Field(() => ProductKindEnum)
  kind!: ProductKind;

  @Field(() => ZoneDto)
  zone!: ZoneDto;

  @Field(() => MunicipalityDto)
  municipality!: MunicipalityDto;

  @Field(() => ProductStatusEnum)
  status!: PermitStatus;

  @Field(() => Date)
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

  @Field(() => Boolean)
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
  @Field(() => MunicipalityDto)
  municipality!: MunicipalityDto;

  @Field(() => Int)
  count!: number;

  @Field(() => [ProductDto])
  products!: ProductDto[];
}
