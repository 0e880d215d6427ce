import { graphql } from '../../../app/graphql.js';

export const FavoriteFieldsFragment = graphql(`
  fragment FavoriteFields on Favorite {
    id
    name
    plate
    formattedPlate
    country
  }
`);

/** The permit's favorites, by name (docs/rules.md §7: the owner's own list). */
export const FavoritesQuery = graphql(
  `
    query Favorites($permitId: ID!) {
      favorites(permitId: $permitId) {
        ...FavoriteFields
      }
    }
  `,
  [FavoriteFieldsFragment],
);

export const AddFavoriteMutation = graphql(
  `
    mutation AddFavorite($input: AddFavoriteInput!) {
      addFavorite(input: $input) {
        id
        name
        ...FavoriteFields
      }
    }
  `,
  [FavoriteFieldsFragment],
);

export const RenameFavoriteMutation = graphql(
  `
    mutation RenameFavorite($input: RenameFavoriteInput!) {
      renameFavorite(input: $input) {
        id
        name
        ...FavoriteFields
      }
    }
  `,
  [FavoriteFieldsFragment],
);

export const DeleteFavoriteMutation = graphql(`
  mutation DeleteFavorite($id: ID!) {
    deleteFavorite(id: $id)
  }
`);
