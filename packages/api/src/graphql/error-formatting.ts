import { ApolloServerErrorCode, unwrapResolverError } from '@apollo/server/errors';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import {
  errorMessage,
  type ErrorCode,
  type MessageParams,
} from '@parkeer/shared/messages/error-catalogue';
import type { Language } from '@parkeer/shared/language';
import { CalendarRangeError } from '@parkeer/domain/time/local-date';
import { AppError, type InputProblem } from './app-error.js';
import { isTokenLimitError, operationLimits } from './operation-limits.js';
import { config } from '../config/config.js';
import { databaseFailureOf, reportDatabaseFailure } from '../db/database-errors.js';
import { RequestDeadlinePassed } from '../http/request-timeout.js';
import { dateYears } from './date-time-scalar.js';
import { logger } from '../logging/logger.js';

/** What every error carries in `extensions`: the code, both messages, and at most a safe detail. */
export interface ErrorExtensions {
  code: ErrorCode;
  messages: Record<Language, string>;
  params?: MessageParams;
  detail?: string;
  /** With RATE_LIMITED and BUSY: when to try again. */
  retryAfterSeconds?: number;
  /** With SETTINGS_INVALID: each wrong value, where it is and what is wrong, in both languages. */
  problems?: {
    code: ErrorCode;
    path: string;
    messages: Record<Language, string>;
    params?: MessageParams;
  }[];
}

const requestErrors = new Set<string>([
  ApolloServerErrorCode.GRAPHQL_PARSE_FAILED,
  ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED,
  ApolloServerErrorCode.BAD_USER_INPUT,
  ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE,
  ApolloServerErrorCode.BAD_REQUEST,
]);

function formatted(
  code: ErrorCode,
  base: GraphQLFormattedError,
  params: MessageParams = {},
  detail?: string,
  problems: readonly InputProblem[] = [],
  facts: Readonly<Record<string, number>> = {},
): GraphQLFormattedError {
  const messages = { nl: errorMessage(code, 'nl', params), en: errorMessage(code, 'en', params) };
  const extensions: ErrorExtensions = { code, messages, ...facts };
  if (Object.keys(params).length > 0) extensions.params = params;
  if (detail) extensions.detail = detail;
  if (problems.length > 0) {
    extensions.problems = problems.map((problem) => ({
      code: problem.code,
      path: problem.path,
      messages: {
        nl: errorMessage(problem.code, 'nl', problem.params),
        en: errorMessage(problem.code, 'en', problem.params),
      },
      ...(problem.params ? { params: problem.params } : {}),
    }));
  }
  return {
    message: messages.nl,
    locations: base.locations,
    path: base.path,
    extensions: { ...extensions },
  };
}

/**
 * GraphQL's "Did you mean …?" names fields and values of the schema to whoever guesses; in
 * production the schema is not for browsing (introspection is off too), so the hint goes.
 */
function withoutSuggestions(message: string): string {
  return config().production ? message.replace(/ ?Did you mean .+?\?/g, '') : message;
}

/**
 * An AppError thrown while GraphQL read the request (a scalar refusing an id or a date) reaches
 * here wrapped once or twice in GraphQL's own errors, as their `originalError`.
 */
function appErrorBehind(error: unknown): AppError | null {
  for (let depth = 0; error instanceof Error && depth < 5; depth++) {
    if (error instanceof AppError) return error;
    error = error instanceof GraphQLError ? error.originalError : undefined;
  }
  return null;
}

/**
 * Apollo's `formatError`: every error leaves with a catalogue code and Dutch and English
 * messages. Our own failures keep their code; a malformed request is BAD_USER_INPUT with
 * GraphQL's own explanation as detail; anything else is INTERNAL_ERROR without a trace.
 */
export function formatError(
  base: GraphQLFormattedError,
  error: unknown,
  log: (error: unknown) => void = (e) =>
    logger.error({ err: e }, 'unexpected error in a GraphQL operation'),
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const appError = appErrorBehind(original);
  if (appError) {
    return formatted(
      appError.code,
      base,
      appError.params,
      undefined,
      appError.problems,
      appError.extensions,
    );
  }
  // Work that tried to commit after its request was answered with TIMEOUT (the caller has that
  // answer already): expected, so neither logged nor INTERNAL_ERROR.
  if (original instanceof RequestDeadlinePassed) return formatted('TIMEOUT', base);
  // A moment the scalar let through, but whose local date or a year after it leaves the calendar.
  if (original instanceof CalendarRangeError) {
    return formatted('DATE_OUT_OF_RANGE', base, { ...dateYears });
  }
  const apolloCode = base.extensions?.code;
  // Apollo's persisted queries: a hash it has not seen. The same code, so that clients which
  // then send the whole document (Apollo Client's persisted query link) keep working.
  if (apolloCode === ApolloServerErrorCode.PERSISTED_QUERY_NOT_FOUND) {
    return formatted('PERSISTED_QUERY_NOT_FOUND', base);
  }
  if (typeof apolloCode === 'string' && requestErrors.has(apolloCode)) {
    // The parser's own limit (see operation-limits.ts): a syntax error known only by its text.
    if (isTokenLimitError(base.message)) {
      return formatted('QUERY_TOO_LONG', base, { limit: operationLimits.tokens });
    }
    return formatted('BAD_USER_INPUT', base, {}, withoutSuggestions(base.message));
  }
  // type-graphql's authChecker: no viewer at all, or a viewer without the role.
  if (original instanceof GraphQLError && original.extensions?.code === 'UNAUTHENTICATED') {
    return formatted('UNAUTHENTICATED', base);
  }
  if (original instanceof GraphQLError && original.extensions?.code === 'UNAUTHORIZED') {
    return formatted('FORBIDDEN', base);
  }
  // The database, not the request, failed: the caller may try again (nl/en say so).
  const databaseFailure = databaseFailureOf(original);
  if (databaseFailure) {
    reportDatabaseFailure(databaseFailure, original);
    return formatted(databaseFailure, base);
  }
  log(original);
  return formatted('INTERNAL_ERROR', base);
}

/** The longest wait the errors ask for (`Retry-After`), in seconds; 0 when none does. */
export function retryAfterOf(errors: readonly GraphQLFormattedError[]): number {
  const waits = errors.map((error) => Number(error.extensions?.retryAfterSeconds) || 0);
  return Math.max(0, ...waits);
}

/** Each formatted error with its message in `language` (the compiled path calls it too). */
export function inLanguage(
  errors: readonly GraphQLFormattedError[],
  language: Language,
): GraphQLFormattedError[] {
  return errors.map((error) => {
    const messages = (error.extensions as Partial<ErrorExtensions> | undefined)?.messages;
    return messages ? { ...error, message: messages[language] } : error;
  });
}

/** Puts each error's message in the caller's language (formatError cannot see the request). */
export function errorLanguagePlugin<
  Context extends { language: Language },
>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          response.body.singleResult.errors = inLanguage(
            response.body.singleResult.errors,
            contextValue?.language ?? 'nl',
          );
        },
      };
    },
  };
}
