import { AppError } from './app-error.js';

/*
 * Partners name a permit `permitId` wherever they refer to one (docs/graphql.md, Names); the
 * older `productId` stays, deprecated, until the release after next removes it.
 */
export const useIdOfPermit = 'Use `permitId`: the same id (docs/graphql.md, Names).';

interface PermitReference {
  readonly permitId?: string | null;
  readonly productId?: string | null;
}

/** The permit referred to by either name, or null for neither; two different ids are bad input. */
export function optionalPermitId(given: PermitReference): string | null {
  const { permitId, productId } = given;
  if (permitId && productId && permitId !== productId) throw new AppError('BAD_USER_INPUT');
  return permitId ?? productId ?? null;
}

/** The permit referred to by either name; neither is bad input. */
export function requiredPermitId(given: PermitReference): string {
  const id = optionalPermitId(given);
  if (!id) throw new AppError('BAD_USER_INPUT');
  return id;
}
