import {
  errorMessage,
  type ErrorCode,
  type MessageParams,
} from '@parkeer/shared/messages/error-catalogue';
import type { Language } from '@parkeer/shared/language';
import type { Failure } from '../../app/errors.js';

const ruleCodes: readonly ErrorCode[] = [
  'PASSWORD_TOO_SHORT',
  'PASSWORD_TOO_LONG',
  'PASSWORD_NEEDS_VARIETY',
  'PASSWORD_CONTAINS_EMAIL',
  'PASSWORD_PUBLISHED',
];

const isRuleCode = (code: string): code is ErrorCode => ruleCodes.includes(code as ErrorCode);

/**
 * What is wrong with a new password, one message per problem; empty when the failure is about
 * something else (an expired link, the network). The API names the first broken rule as the
 * code and all of them in `params.rules`: showing them all lets a resident fix the password
 * in one go instead of one rule per try.
 */
export function passwordProblems(failure: Failure, language: Language): string[] {
  if (failure.code === 'PASSWORD_MISMATCH') return [errorMessage(failure.code, language)];
  if (!isRuleCode(failure.code)) return [];
  const listed = String(failure.params.rules ?? '')
    .split(',')
    .map((code) => code.trim())
    .filter(isRuleCode);
  const codes = [...new Set([failure.code, ...listed])];
  const params: MessageParams = failure.params;
  return codes.map((code) => errorMessage(code, language, params));
}
