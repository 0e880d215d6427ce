import { refuse, type Outcome } from '../result.js';

/** docs/rules.md §7: a favorite's name is at most 10 characters (003); also the column's length. */
export const favoriteNameMaxLength = 10;

export type FavoriteNameCode = 'FAVORITE_NAME_REQUIRED' | 'FAVORITE_NAME_TOO_LONG';

/**
 * docs/rules.md §7 favorite: the name as stored (trimmed), or why it cannot be one. Characters are
 * counted as people count them (code points), as PostgreSQL's varchar(10) does, so an emoji or an
 * accented letter is one.
 */
export function checkFavoriteName(input: string): Outcome<{ name: string }, FavoriteNameCode> {
  const name = input.trim();
  if (name === '') return refuse('FAVORITE_NAME_REQUIRED');
  if ([...name].length > favoriteNameMaxLength) {
    return refuse('FAVORITE_NAME_TOO_LONG', { max: favoriteNameMaxLength });
  }
  return { ok: true, name };
}
