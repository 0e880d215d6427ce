import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { defaultPageSize } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { toPermitPlateDto, toRecentPlateDto } from './plate.mapper.js';
import { PlateService } from './plate.service.js';
import { PermitPlateDto, RecentPlateDto, SwitchPlateInput } from './plate.types.js';

@Resolver()
export class PlateResolver {
  @Authorized('resident', 'business')
  @Query(() => [RecentPlateDto], {
    description: 'Plates parked on the permit lately, latest first, without its favorites.',
  })
  async recentPlates(
    @Arg('permitId', () => ID, { description: 'The permit (Product.id).' }) permitId: string,
    @Arg('first', () => Int, {
      description: 'At most this many plates, 1 to 50.',
      defaultValue: defaultPageSize,
    })
    first: number,
    @Ctx() { em, viewer }: Context,
  ): Promise<RecentPlateDto[]> {
    return (await new PlateService(em).recentPlates(viewer!, permitId, first)).map(
      toRecentPlateDto,
    );
  }

  @Authorized('resident', 'business')
  @Query(() => [PermitPlateDto], { description: "The permit's registered plates." })
  async permitPlates(
    @Arg('permitId', () => ID, { description: 'The permit (Product.id).' }) permitId: string,
    @Ctx() { em, viewer }: Context,
  ): Promise<PermitPlateDto[]> {
    return (await new PlateService(em).permitPlates(viewer!, permitId)).map(toPermitPlateDto);
  }

  @Authorized('resident', 'business')
  @Mutation(() => [PermitPlateDto], {
    description: 'Makes one of the permit’s plates the active one (owner only).',
  })
  async switchPlate(
    @Arg('input', () => SwitchPlateInput, { description: 'The permit and one of its plates.' })
    input: SwitchPlateInput,
    @Ctx() { em, viewer }: Context,
  ): Promise<PermitPlateDto[]> {
    return (await new PlateService(em).switchPlate(viewer!, input.permitId, input.plate)).map(
      toPermitPlateDto,
    );
  }
}
