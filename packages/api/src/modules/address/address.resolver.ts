import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import { actorOf, type Context } from '../../graphql/context.js';
import { findAddress } from './address-lookup.js';
import { FoundAddress } from './address.types.js';

@Resolver()
export class AddressResolver {
  @Authorized('municipalAdmin', 'resident', 'business')
  @Query(() => FoundAddress, {
    nullable: true,
    description:
      "An address by postcode and house number (and addition): of the admin's own town, or for a resident or business at the permit counter of any town (its key is the counter's addressKey); null: not known.",
  })
  async findAddress(
    @Arg('postcode', () => String, {
      description: "The postcode, with or without the space ('2611 HA').",
    })
    postcode: string,
    @Arg('houseNumber', () => Int, { description: 'The house number.' }) houseNumber: number,
    @Arg('addition', () => String, {
      description: "House letter or addition, if any ('A', 'bis').",
      nullable: true,
    })
    addition: string | null,
    @Ctx() ctx: Context,
  ): Promise<FoundAddress | null> {
    const address = await findAddress(ctx.em, actorOf(ctx), { postcode, houseNumber, addition });
    if (!address) return null;
    return Object.assign(new FoundAddress(), {
      key: address.key,
      label: address.label,
      zoneCode: address.zone?.code ?? null,
      zoneName: address.zone?.name ?? null,
    });
  }
}
