import type { Context } from '../../graphql/context.js';
import { AppError } from '../../graphql/app-error.js';

/**
 * The municipality a municipal admin manages. The role gate (`@Authorized('municipalAdmin')`)
 * has run before, and an admin account has a municipality by construction.
 */
export function adminTown(ctx: Context): string {
  const town = ctx.viewer?.municipalityId;
  if (!town) throw new AppError('FORBIDDEN');
  return town;
}

/**
 * Refuses a subject of another town as if it did not exist: an admin of town A learns nothing
 * of town B, not even that an id is in use there.
 */
export function requireOwnTown(ctx: Context, municipalityId: string | null | undefined): void {
  if (!municipalityId || municipalityId !== adminTown(ctx)) throw new AppError('NOT_FOUND');
}
