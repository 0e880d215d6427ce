import { formatPlate } from '@parkeer/domain/plate/plate';
import type { Favorite } from '../../model/favorite.entity.js';
import { FavoriteDto } from './favorite.types.js';

export function toFavoriteDto(favorite: Favorite): FavoriteDto {
  return Object.assign(new FavoriteDto(), {
    id: favorite.id,
    plate: favorite.plate,
    formattedPlate: formatPlate(favorite.plate, favorite.country),
    country: favorite.country,
    name: favorite.name,
  });
}
