import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { toMunicipalityDto, toProductDto } from './product.mapper.js';
import { platesLoader, sessionCountsLoader, tariffsLoader } from './product-loaders.js';
import { productRulesOf } from './product-rules.js';
import { productOfViewer, productsOfViewer } from './product.service.js';
import { toPermitPlateDto } from '../plate/plate.mapper.js';
import { PermitPlateDto } from '../plate/plate.types.js';
import { ProductDto, ProductGroup } from './product.types.js';

const countScope = (product: ProductDto) => ({
  permitId: product.id,
  delegationId: product.delegation?.id ?? null,
});

@Resolver(() => ProductDto)
export class ProductResolver {
  @Authorized('resident', 'business')
  @Query(() => [ProductGroup], {
    description: "The viewer's products grouped per municipality, as the product overview shows.",
  })
  async productGroups(@Ctx() ctx: Context): Promise<ProductGroup[]> {
    const groups = new Map<string, ProductGroup>();
    for (const use of await productsOfViewer(ctx.em, ctx.viewer!)) {
      const { municipality } = use.permit;
      let group = groups.get(municipality.id);
      if (!group) {
        group = Object.assign(new ProductGroup(), {
          municipality: toMunicipalityDto(municipality),
          count: 0,
          products: [],
        });
        groups.set(municipality.id, group);
      }
      group.products.push(toProductDto(use.permit, use.delegation, ctx.language));
      group.count += 1;
    }
    return [...groups.values()];
  }

  @Authorized('resident', 'business')
  @Query(() => ProductDto, { description: 'One product of the viewer, for its detail page.' })
  async product(
    @Arg('id', () => ID, {
      description:
        'The permit (Product.id); one the viewer neither holds nor uses through a delegation is NOT_FOUND.',
    })
    id: string,
    @Ctx() ctx: Context,
  ): Promise<ProductDto> {
    const use = await productOfViewer(ctx.em, ctx.viewer!, id);
    return toProductDto(use.permit, use.delegation, ctx.language);
  }

  @FieldResolver(() => Int, { description: 'Sessions running now (a delegate: its own).' })
  async runningCount(@Root() product: ProductDto, @Ctx() ctx: Context): Promise<number> {
    return (await sessionCountsLoader(ctx).load(countScope(product))).running;
  }

  @FieldResolver(() => Int, { description: 'Sessions planned for later (a delegate: its own).' })
  async plannedCount(@Root() product: ProductDto, @Ctx() ctx: Context): Promise<number> {
    return (await sessionCountsLoader(ctx).load(countScope(product))).planned;
  }

  @FieldResolver(() => [PermitPlateDto], {
    description: 'Registered plates (resident permits), the active one first.',
  })
  async plates(@Root() product: ProductDto, @Ctx() ctx: Context): Promise<PermitPlateDto[]> {
    if (product.delegation) return []; // the owner's cars are not the delegate's business
    return (await platesLoader(ctx).load(product.id)).map(toPermitPlateDto);
  }

  @FieldResolver(() => GraphQLJSONObject, {
    nullable: true,
    description:
      "The product's session rules (policy, paid hours, time zone, validity, billing) for the live cost preview with @parkeer/domain; null without sessions.",
  })
  async rules(
    @Root() product: ProductDto,
    @Ctx() ctx: Context,
  ): Promise<Record<string, unknown> | null> {
    if (!product.hasSessions) return null;
    const { permit } = product;
    const tariffs = await tariffsLoader(ctx).load({
      productTypeId: permit.productType.id,
      zoneId: permit.zone.id,
    });
    return { ...productRulesOf(permit, tariffs) };
  }
}
