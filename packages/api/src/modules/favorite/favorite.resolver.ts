import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { toFavoriteDto } from './favorite.mapper.js';
import { FavoriteService } from './favorite.service.js';
import { AddFavoriteInput, FavoriteDto, RenameFavoriteInput } from './favorite.types.js';

@Resolver(() => FavoriteDto)
export class FavoriteResolver {
  @Authorized('resident', 'business')
  @Query(() => [FavoriteDto], { description: "The permit's favorites, by name (owner only)." })
  async favorites(
    @Arg('permitId', () => ID, { description: 'The permit (Product.id).' }) permitId: string,
    @Ctx() { em, viewer }: Context,
  ): Promise<FavoriteDto[]> {
    return (await new FavoriteService(em).favorites(viewer!, permitId)).map(toFavoriteDto);
  }

  @Authorized('resident', 'business')
  @Mutation(() => FavoriteDto, { description: 'Adds a plate with a name to the favorites.' })
  async addFavorite(
    @Arg('input', () => AddFavoriteInput, { description: 'The permit, the plate and its name.' })
    input: AddFavoriteInput,
    @Ctx() { em, viewer, now }: Context,
  ): Promise<FavoriteDto> {
    return toFavoriteDto(await new FavoriteService(em).add(viewer!, input, now));
  }

  @Authorized('resident', 'business')
  @Mutation(() => FavoriteDto, { description: 'Gives a favorite another name (owner only).' })
  async renameFavorite(
    @Arg('input', () => RenameFavoriteInput, { description: 'The favorite and its new name.' })
    input: RenameFavoriteInput,
    @Ctx() { em, viewer }: Context,
  ): Promise<FavoriteDto> {
    return toFavoriteDto(await new FavoriteService(em).rename(viewer!, input.id, input.name));
  }

  @Authorized('resident', 'business')
  @Mutation(() => Boolean, { description: 'Deletes a favorite (the app asks to confirm first).' })
  async deleteFavorite(
    @Arg('id', () => ID, { description: 'The favorite (Favorite.id).' }) id: string,
    @Ctx() { em, viewer }: Context,
  ): Promise<boolean> {
    await new FavoriteService(em).delete(viewer!, id);
    return true;
  }
}
