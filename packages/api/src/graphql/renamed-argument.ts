import { AppError } from './app-error.js';

/*
 * A renamed argument or input field keeps its old name, deprecated, until the release after next
 * removes it (docs/graphql.md, Names): a caller gives either name; both, with different values,
 * is bad input rather than a guess which one was meant.
 */

/** The deprecation reason of an old name: use `current`, which takes the same value. */
export function useName(current: string): string {
  return `Use \`${current}\`: the same value (docs/graphql.md, Names).`;
}

/** The value given under either name, or null for neither; two different values are bad input. */
export function optionalEitherName<T>(
  current: T | null | undefined,
  deprecated: T | null | undefined,
): T | null {
  if (current != null && deprecated != null && current !== deprecated) {
    throw new AppError('BAD_USER_INPUT');
  }
  return current ?? deprecated ?? null;
}

/** The value given under either name; neither is bad input. */
export function eitherName<T>(current: T | null | undefined, deprecated: T | null | undefined): T {
  const value = optionalEitherName(current, deprecated);
  if (value == null) throw new AppError('BAD_USER_INPUT');
  return value;
}
