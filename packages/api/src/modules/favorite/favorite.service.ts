import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import { checkFavoriteName } from '@parkeer/domain/favorite/favorite-name';
import { parsePlate } from '@parkeer/domain/plate/plate';
import { AppError } from '../../graphql/app-error.js';
import type { Viewer } from '../../graphql/viewer.js';
import { permitForViewer } from '../permit/permit-access.js';
import { Favorite } from '../../model/favorite.entity.js';

/** No rule names a maximum; this keeps the pick list usable and the table bounded. */
export const maxFavoritesPerPermit = 50;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface NewFavorite {
  readonly permitId: string;
  readonly plate: string;
  readonly country?: string | null;
  readonly name: string;
}

/** docs/rules.md §7: the domain's rule for a favorite's name, as a typed error. */
function validName(input: string): string {
  const checked = checkFavoriteName(input);
  if (!checked.ok) throw new AppError(checked.reason, checked.params);
  return checked.name;
}

const byName = (a: Favorite, b: Favorite) =>
  a.name.localeCompare(b.name, 'nl', { sensitivity: 'base' }) || a.plate.localeCompare(b.plate);

/** Favorites belong to the permit's owner: a delegate neither sees nor changes them (docs/rules.md §7). */
export class FavoriteService {
  constructor(private readonly em: EntityManager) {}

  async favorites(viewer: Viewer, permitId: string): Promise<Favorite[]> {
    const permit = await this.ownPermit(viewer, permitId, 'read');
    const favorites = await this.em.find(Favorite, { permit: permit.id });
    // Sorted here, not in SQL: SQLite and PostgreSQL collate names differently.
    return favorites.sort(byName);
  }

  async add(viewer: Viewer, input: NewFavorite, now: Date): Promise<Favorite> {
    const permit = await this.ownPermit(viewer, input.permitId, 'own');
    const parsed = parsePlate(input.plate, input.country ?? undefined);
    if (!parsed.ok) throw new AppError(parsed.reason, parsed.params);
    const { plate } = parsed;
    const name = validName(input.name);
    const duplicate = () => new AppError('FAVORITE_ALREADY_EXISTS', { plate: plate.display });
    if (await this.em.count(Favorite, { permit: permit.id, plate: plate.normalised })) {
      throw duplicate();
    }
    if ((await this.em.count(Favorite, { permit: permit.id })) >= maxFavoritesPerPermit) {
      throw new AppError('FAVORITE_LIMIT_REACHED', { max: maxFavoritesPerPermit });
    }
    const favorite = this.em.create(Favorite, {
      permit,
      plate: plate.normalised,
      country: plate.country,
      name,
      createdAt: now,
    });
    try {
      await this.em.flush();
    } catch (error) {
      // Two adds of the same plate at once: both passed the check, the unique index refuses one.
      if (error instanceof UniqueConstraintViolationException) throw duplicate();
      throw error;
    }
    return favorite;
  }

  async rename(viewer: Viewer, id: string, newName: string): Promise<Favorite> {
    const favorite = await this.ownFavorite(viewer, id);
    favorite.name = validName(newName);
    await this.em.flush();
    return favorite;
  }

  async delete(viewer: Viewer, id: string): Promise<void> {
    const favorite = await this.ownFavorite(viewer, id);
    await this.em.remove(favorite).flush();
  }

  private async ownPermit(viewer: Viewer, permitId: string, need: 'read' | 'own') {
    const { permit, delegation } = await permitForViewer(this.em, viewer, permitId, need);
    // Reading needs no active product, but it is still the owner's list.
    if (delegation) throw new AppError('PRODUCT_OWNER_ONLY');
    return permit;
  }

  private async ownFavorite(viewer: Viewer, id: string): Promise<Favorite> {
    if (!uuidPattern.test(id)) throw new AppError('NOT_FOUND');
    const favorite = await this.em.findOne(Favorite, { id });
    if (!favorite) throw new AppError('NOT_FOUND');
    // Someone else's favorite is NOT_FOUND there, like an unknown id.
    await permitForViewer(this.em, viewer, favorite.permit.id, 'own');
    return favorite;
  }
}
