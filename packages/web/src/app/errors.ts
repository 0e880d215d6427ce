import type { CombinedError } from '@urql/core';
import {
  errorMessage,
  isErrorCode,
  type ErrorCode,
  type MessageParams,
} from '@parkeer/shared/messages/error-catalogue';
import type { Language } from '@parkeer/shared/language';

/** What went wrong, as the catalogue knows it: the code the API sent, or a network failure. */
export interface Failure {
  readonly code: ErrorCode;
  readonly params: MessageParams;
}

/** The failure behind an urql error; the first GraphQL error decides. */
export function failureOf(error: CombinedError): Failure {
  const first = error.graphQLErrors[0];
  if (!first) return { code: error.networkError ? 'NETWORK_ERROR' : 'INTERNAL_ERROR', params: {} };
  const code = first.extensions?.code;
  const params = (first.extensions?.params ?? {}) as MessageParams;
  return { code: isErrorCode(code) ? code : 'INTERNAL_ERROR', params };
}

/** The message to show for an urql error, in the interface language (shared catalogue). */
export function messageOf(error: CombinedError, language: Language): string {
  const { code, params } = failureOf(error);
  return errorMessage(code, language, params);
}
