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

/** One wrong value of a form: where (e.g. `topUpPolicy.cap.limit`) and what, in words. */
export interface Problem {
  readonly path: string;
  readonly message: string;
}

interface ProblemExtension {
  readonly path: string;
  readonly messages: Record<Language, string>;
}

/** The per-field problems of a SETTINGS_INVALID answer, in the API's order; else none. */
export function problemsOf(error: CombinedError | undefined, language: Language): Problem[] {
  const first = error?.graphQLErrors[0];
  if (first?.extensions?.code !== 'SETTINGS_INVALID') return [];
  const problems = (first.extensions.problems ?? []) as readonly ProblemExtension[];
  return problems.map((problem) => ({
    path: problem.path,
    message: problem.messages[language] ?? problem.messages.nl,
  }));
}

/** Where a problem is → what is wrong there (several at one place read as one text). */
export type ProblemsByPath = ReadonlyMap<string, string>;

/** The problems of a SETTINGS_INVALID answer by path, for forms that show one per field. */
export function problemsByPath(
  error: CombinedError | undefined,
  language: Language,
): ProblemsByPath {
  const byPath = new Map<string, string>();
  for (const { path, message } of problemsOf(error, language)) {
    const earlier = byPath.get(path);
    byPath.set(path, earlier ? `${earlier} ${message}` : message);
  }
  return byPath;
}
