import type { CombinedError } from '@urql/core';
import type { Language } from '@parkeer/shared/language';

/** Where a problem is (e.g. `regime.weekly[2]`) and what is wrong, in the interface language. */
export type ProblemsByPath = ReadonlyMap<string, string>;

interface ProblemExtension {
  readonly path: string;
  readonly messages: Record<Language, string>;
}

/** The per-field problems of a SETTINGS_INVALID answer; empty for any other error. */
export function problemsOf(error: CombinedError | undefined, language: Language): ProblemsByPath {
  const problems = error?.graphQLErrors[0]?.extensions?.problems as
    readonly ProblemExtension[] | undefined;
  const byPath = new Map<string, string>();
  for (const problem of problems ?? []) {
    const earlier = byPath.get(problem.path);
    const message = problem.messages[language];
    byPath.set(problem.path, earlier ? `${earlier} ${message}` : message);
  }
  return byPath;
}
