import type { StandardSchemaV1 } from '@standard-schema/spec';
import {
  errorMessage,
  type ErrorCode,
  type MessageParams,
} from '@parkeer/shared/messages/error-catalogue';
import type { Language } from '@parkeer/shared/language';
import { pathSegments } from './paths.js';

/**
 * A problem as the domain's validators report it (docs/rules.md; e.g. `validateRegime`,
 * `validateSessionPolicy`): a catalogue code, where it is (`weekly[2]`), and its parameters.
 */
export interface DomainProblem {
  readonly code: ErrorCode;
  readonly path: string;
  readonly params?: MessageParams;
}

/** How a form's values are checked by the domain, and what is sent once they pass. */
export interface DomainCheck<Values, Output> {
  /** Every problem of the values, in the domain's own words and paths; none when they are fine. */
  problems(values: Values): readonly DomainProblem[];
  /** The value the form submits (e.g. the API's input) once there is no problem. */
  output(values: Values): Output;
  /**
   * Where a domain path is in the form, when the form holds the value elsewhere than the domain
   * names it (e.g. the domain's `code` is the form's `zone.code`). Left out: the same place.
   */
  fieldOf?(path: string): string;
}

/**
 * The domain's validators as a Standard Schema, so the form kit runs them in the browser
 * (docs/architecture.md, "The web app"): each problem becomes an issue at the form's place for
 * it, with the shared catalogue's message in the interface language, the words the API would use.
 */
export function domainSchema<Values, Output>(
  check: DomainCheck<Values, Output>,
  language: Language,
): StandardSchemaV1<Values, Output> {
  return {
    '~standard': {
      version: 1,
      vendor: 'parkeer-domain',
      validate(value) {
        const values = value as Values;
        const problems = check.problems(values);
        if (problems.length === 0) return { value: check.output(values) };
        return {
          issues: problems.map((problem) => ({
            message: errorMessage(problem.code, language, problem.params ?? {}),
            path: pathSegments(check.fieldOf ? check.fieldOf(problem.path) : problem.path),
          })),
        };
      },
    },
  };
}
