import { Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { viewerEstablishments, type EstablishmentView } from './business-establishments.js';
import { BusinessEstablishmentDto } from './business.types.js';

const toEstablishmentDto = (view: EstablishmentView): BusinessEstablishmentDto => {
  const { establishment, address } = view;
  const visiting = establishment.address;
  return Object.assign(new BusinessEstablishmentDto(), {
    establishmentNumber: establishment.establishmentNumber,
    name: establishment.name,
    isMain: establishment.isMain,
    visitingAddress: visiting
      ? `${visiting.street} ${visiting.houseNumber}${visiting.addition}, ${visiting.postcode} ${visiting.city}`.trim()
      : null,
    addressKey: address?.key ?? null,
    addressLabel: address?.label ?? null,
    zoneCode: address?.zone?.code ?? null,
    municipalityName: address?.municipality.name ?? null,
    sold: view.sold,
  });
};

/** The business side of the permit counter (docs/rules.md §2 business permits). */
@Resolver()
export class BusinessResolver {
  @Authorized('business')
  @Query(() => [BusinessEstablishmentDto], {
    description:
      "The signed-in business's establishments from the business registry (KvK), the main one first, each with the town's address, its zone and whether the town sells there: the business picks one instead of typing an address. A login acting for a person is FORBIDDEN; a business that never signed in with eHerkenning gets BUSINESS_KVK_NUMBER_UNKNOWN; KvK not answering gives BUSINESS_REGISTRY_UNAVAILABLE.",
  })
  async businessEstablishments(@Ctx() ctx: Context): Promise<BusinessEstablishmentDto[]> {
    const views = await viewerEstablishments(ctx.em, ctx.viewer!);
    return views.map(toEstablishmentDto);
  }
}
