import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { applicantRulesOf } from '@parkeer/domain/settings/applicant-rules-validation';
import { actorOf, type Context } from '../../graphql/context.js';
import { ProductAdminService } from './product-admin.service.js';
import {
  AdminProductType,
  AdminTariff,
  ProductSettingsInput,
  TariffChangeInput,
} from './product-admin.types.js';
import type { ProductType } from '../../model/product-type.entity.js';
import type { Tariff } from '../../model/tariff.entity.js';
import { TariffAdminService } from './tariff-admin.service.js';

const toAdminProductType = (productType: ProductType): AdminProductType =>
  Object.assign(new AdminProductType(), {
    id: productType.id,
    code: productType.code,
    kind: productType.kind,
    nameNl: productType.name.nl,
    nameEn: productType.name.en,
    balanceUnit: productType.balanceUnit ?? null,
    delegationAllowed: productType.delegationAllowed,
    sessionPolicy: productType.sessionPolicy
      ? {
          ...productType.sessionPolicy,
          invalidWeekdays: [...productType.sessionPolicy.invalidWeekdays],
        }
      : null,
    topUpPolicy: (productType.topUpPolicy as unknown as Record<string, unknown>) ?? null,
    counter: productType.counter
      ? {
          ...productType.counter,
          reviewCases: [...productType.counter.reviewCases],
          documents: productType.counter.documents.map((document) => ({
            code: document.code,
            name: { ...document.name },
            when: document.when ?? null,
          })),
        }
      : null,
    vehicleSizeLimits: productType.eligibility.vehicleSizeLimits
      ? { ...productType.eligibility.vehicleSizeLimits }
      : null,
    foreignPlates: productType.eligibility.foreignPlates ?? 'review',
    maxListedPlates: productType.maxListedPlates ?? null,
    validIn: productType.validIn,
    ...applicantRulesOf(productType.eligibility),
    onePerAddress: productType.onePerAddress,
  });

const toAdminTariff = (tariff: Tariff): AdminTariff =>
  Object.assign(new AdminTariff(), {
    id: tariff.id,
    zoneId: tariff.zone.id,
    zoneCode: tariff.zone.code,
    validFrom: tariff.validFrom,
    validUntil: tariff.validUntil ?? null,
    centsPerHour: tariff.centsPerHour,
  });

@Resolver(() => AdminProductType)
export class ProductAdminResolver {
  @Authorized('municipalAdmin')
  @Query(() => [AdminProductType], {
    description: "The product types of the admin's municipality.",
  })
  async adminProductTypes(@Ctx() ctx: Context): Promise<AdminProductType[]> {
    return (await new ProductAdminService(ctx.em, actorOf(ctx)).list()).map(toAdminProductType);
  }

  @Authorized('municipalAdmin')
  @Query(() => AdminProductType, {
    description:
      "One product type of the admin's municipality, with every policy setting; another town's is NOT_FOUND.",
  })
  async adminProductType(
    @Arg('id', () => ID, { description: 'The product type.' }) id: string,
    @Ctx() ctx: Context,
  ): Promise<AdminProductType> {
    return toAdminProductType(await new ProductAdminService(ctx.em, actorOf(ctx)).get(id));
  }

  @FieldResolver(() => [String])
  validZoneCodes(@Root() productType: AdminProductType, @Ctx() ctx: Context): Promise<string[]> {
    return new ProductAdminService(ctx.em, actorOf(ctx)).validZoneCodes(productType.id);
  }

  @FieldResolver(() => Int)
  permitCount(@Root() productType: AdminProductType, @Ctx() ctx: Context): Promise<number> {
    return new ProductAdminService(ctx.em, actorOf(ctx)).permitCount(productType.id);
  }

  @Authorized('municipalAdmin')
  @Mutation(() => AdminProductType, {
    description:
      "Replaces a product type's settings after validating all of them (SETTINGS_INVALID lists every problem). Settled sessions and past purchases keep their amounts.",
  })
  async updateProductSettings(
    @Arg('id', () => ID, { description: 'The product type (AdminProductType.id).' }) id: string,
    @Arg('input', () => ProductSettingsInput, {
      description: 'Every setting; it replaces the stored ones.',
    })
    input: ProductSettingsInput,
    @Ctx() ctx: Context,
  ): Promise<AdminProductType> {
    return toAdminProductType(
      await new ProductAdminService(ctx.em, actorOf(ctx)).update(id, input),
    );
  }

  @Authorized('municipalAdmin')
  @Query(() => [AdminTariff], { description: 'The hourly tariff periods of a product, per zone.' })
  async adminTariffs(
    @Arg('productTypeId', () => ID, { description: 'The product type (AdminProductType.id).' })
    productTypeId: string,
    @Ctx() ctx: Context,
  ): Promise<AdminTariff[]> {
    return (await new TariffAdminService(ctx.em, actorOf(ctx)).list(productTypeId)).map(
      toAdminTariff,
    );
  }

  @Authorized('municipalAdmin')
  @Mutation(() => AdminTariff, {
    description:
      'A new hourly price from a future date on; the period in effect then ends that day. The same date again changes that future price.',
  })
  async scheduleTariff(
    @Arg('input', () => TariffChangeInput, {
      description: 'The product type, zone, date and price.',
    })
    input: TariffChangeInput,
    @Ctx() ctx: Context,
  ): Promise<AdminTariff> {
    return toAdminTariff(await new TariffAdminService(ctx.em, actorOf(ctx)).schedule(input));
  }

  @Authorized('municipalAdmin')
  @Mutation(() => [AdminTariff], {
    description: 'Withdraws a price that has not taken effect yet; returns the remaining periods.',
  })
  async cancelTariff(
    @Arg('id', () => ID, { description: 'The tariff period (AdminTariff.id), not yet in effect.' })
    id: string,
    @Ctx() ctx: Context,
  ): Promise<AdminTariff[]> {
    return (await new TariffAdminService(ctx.em, actorOf(ctx)).cancel(id)).map(toAdminTariff);
  }
}
