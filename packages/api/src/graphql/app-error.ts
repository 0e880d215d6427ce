import type { ErrorCode, MessageParams } from '@parkeer/shared/messages/error-catalogue';

/** One wrong value in an input: its code and where it is, e.g. `weekly[2]` or `cap.limit`. */
export interface InputProblem {
  readonly code: ErrorCode;
  readonly path: string;
  readonly params?: MessageParams;
}

/** Fails with all problems of an input at once, or does nothing when there are none. */
export function refuseProblems(problems: readonly InputProblem[]): void {
  if (problems.length > 0) {
    throw new AppError('SETTINGS_INVALID', { count: problems.length }, problems);
  }
}

/**
 * A failure the caller can act on: a code from the shared catalogue and the values its message
 * needs. Services throw it; the GraphQL layer turns it into `extensions.code` and a message in
 * the caller's language.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: MessageParams = {},
    /** Every problem of a form at once, each with where it is (SETTINGS_INVALID). */
    readonly problems: readonly InputProblem[] = [],
    /** Machine-readable facts for the caller beside the message, e.g. `retryAfterSeconds`. */
    readonly extensions: Readonly<Record<string, number>> = {},
  ) {
    super(code);
    this.name = 'AppError';
  }
}
