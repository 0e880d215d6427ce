import type { CombinedError } from '@urql/core';
import { errorMessage } from '@parkeer/shared/messages/error-catalogue';
import type { Language } from '@parkeer/shared/language';
import { failureOf } from '../../app/errors.js';

export type FavoriteField = 'plate' | 'country' | 'name';

/** The field a refusal is about, so its message can stand beside that field; null: the form's. */
export function fieldOfCode(code: string): FavoriteField | null {
  if (code === 'PLATE_INVALID_COUNTRY') return 'country';
  if (code.startsWith('PLATE_') || code === 'FAVORITE_ALREADY_EXISTS') return 'plate';
  if (code.startsWith('FAVORITE_NAME_')) return 'name';
  return null;
}

export interface FieldError {
  readonly field: FavoriteField | null;
  readonly message: string;
}

/** An API error as a message for one field, or for the whole form. */
export function fieldErrorOf(
  error: CombinedError | undefined,
  language: Language,
): FieldError | null {
  if (!error) return null;
  const { code, params } = failureOf(error);
  return { field: fieldOfCode(code), message: errorMessage(code, language, params) };
}
