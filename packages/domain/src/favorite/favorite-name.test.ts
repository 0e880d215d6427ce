import { describe, expect, it } from 'vitest';
import { checkFavoriteName, favoriteNameMaxLength } from './favorite-name.js';

describe('docs/rules.md §7: a favorite is a plate with a name of at most 10 characters', () => {
  it('accepts a name of 10 characters and refuses one of 11, naming the maximum', () => {
    expect(checkFavoriteName('Oma Delft!')).toEqual({ ok: true, name: 'Oma Delft!' });
    expect(checkFavoriteName('Oma Delft!!')).toEqual({
      ok: false,
      reason: 'FAVORITE_NAME_TOO_LONG',
      params: { max: favoriteNameMaxLength },
    });
  });

  it('counts characters as people do: an accented letter or an emoji is one', () => {
    expect(checkFavoriteName('Zoë 🚗 Ånne')).toMatchObject({ ok: true, name: 'Zoë 🚗 Ånne' });
    expect(checkFavoriteName('🚗'.repeat(11))).toMatchObject({ reason: 'FAVORITE_NAME_TOO_LONG' });
  });

  it('trims the name first, and refuses one that is empty or only spaces', () => {
    expect(checkFavoriteName('  Buurman  ')).toEqual({ ok: true, name: 'Buurman' });
    expect(checkFavoriteName('   ')).toEqual({ ok: false, reason: 'FAVORITE_NAME_REQUIRED' });
    expect(checkFavoriteName('')).toEqual({ ok: false, reason: 'FAVORITE_NAME_REQUIRED' });
  });
});
