import type { CombinedError } from '@urql/core';
import type { FieldPath, FieldValues, UseFormSetError } from 'react-hook-form';
import type { Language } from '@parkeer/shared/language';
import { problemsByPath } from '../errors.js';
import { fieldName, pathSegments } from './paths.js';

/**
 * Puts the problems of a refused save (SETTINGS_INVALID, docs/graphql.md) on the form's fields,
 * in the interface language: the API's path `prices[3].zones` is the form's `prices.3.zones`
 * unless `fieldOf` says otherwise (null: a problem with no field, shown for the whole form).
 * Returns how many problems were placed: none means the refusal is of another kind, for the
 * form's refusal notice.
 */
export function showServerProblems<Values extends FieldValues>(
  error: CombinedError | undefined,
  language: Language,
  setError: UseFormSetError<Values>,
  fieldOf: (path: string) => string | null = (path) => fieldName(pathSegments(path)),
): number {
  const byField = new Map<string, string>();
  for (const [path, message] of problemsByPath(error, language)) {
    const name = fieldOf(path) ?? 'root.server';
    const earlier = byField.get(name);
    byField.set(name, earlier ? `${earlier} ${message}` : message);
  }
  for (const [name, message] of byField) {
    setError(name as FieldPath<Values>, { type: 'server', message });
  }
  return byField.size;
}
