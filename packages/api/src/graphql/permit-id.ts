import { eitherName, optionalEitherName } from './renamed-argument.js';

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
  return optionalEitherName(given.permitId, given.productId);
}

/** The permit referred to by either name; neither is bad input. */
export function requiredPermitId(given: PermitReference): string {
  return eitherName(given.permitId, given.productId);
}
