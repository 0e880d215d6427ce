import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  GraphQLError,
  Kind,
  OperationTypeNode,
  type ASTNode,
  type ParseOptions,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { errorMessage, type ErrorCode } from '@parkeer/shared/messages/error-catalogue';
import { AppError } from './app-error.js';

/**
 * How large an operation may be, on HTTP and over the WebSocket alike. The SPA's largest
 * operations (all its gql.tada documents, measured with these rules): 74 tokens, depth 7, no
 * aliases, 1 directive, cost 219, one field per mutation. The limits leave several times that;
 * what they stop is one request doing the work of thousands (5,000 aliased right-checks took
 * seconds, 2,000 aliased password resets each queued a mail).
 */
export const operationLimits = {
  /** Lexical tokens of the whole document; checked while parsing, so a huge one is cut short. */
  tokens: 1000,
  /** Nested selections, fragment spreads counting as a level (armor's default way). */
  depth: 10,
  aliases: 20,
  directives: 10,
  /** graphql-armor's cost: 2 per object, 1 per scalar, ×1.5 per level, ×`first` when literal. */
  cost: 2500,
  /** Root fields of one mutation operation: each may write, send mail or hash a password. */
  mutationFields: 5,
} as const;

/** graphql-js stops parsing at the token limit, before the document is built. */
export const parseOptions: ParseOptions = { maxTokens: operationLimits.tokens };

/** The syntax error graphql-js raises at `maxTokens` (its wording: "more that N tokens"). */
export function isTokenLimitError(message: string): boolean {
  return /Document contains more th(?:at|an) \d+ tokens/.test(message);
}

/**
 * A validation error that formatError reports with the catalogue code: the AppError travels as
 * its `originalError`, which Apollo keeps when it wraps validation errors.
 */
export function limitExceeded(
  code: ErrorCode,
  limit: number,
  nodes?: ASTNode | readonly ASTNode[],
): GraphQLError {
  return new GraphQLError(errorMessage(code, 'en', { limit }), {
    nodes,
    originalError: new AppError(code, { limit }),
  });
}

/** armor reports through callbacks; this one reports our error instead of armor's text. */
function refuseAs(code: ErrorCode, limit: number) {
  return [(context: ValidationContext | null) => context?.reportError(limitExceeded(code, limit))];
}

function armorRules(): ValidationRule[] {
  const { depth, aliases, directives, cost } = operationLimits;
  const rejection = { propagateOnRejection: false } as const;
  return new ApolloArmor({
    maxDepth: { n: depth, ...rejection, onReject: refuseAs('QUERY_TOO_DEEP', depth) },
    maxAliases: { n: aliases, ...rejection, onReject: refuseAs('QUERY_TOO_MANY_ALIASES', aliases) },
    maxDirectives: {
      n: directives,
      ...rejection,
      onReject: refuseAs('QUERY_TOO_MANY_DIRECTIVES', directives),
    },
    costLimit: { maxCost: cost, ...rejection, onReject: refuseAs('QUERY_TOO_COMPLEX', cost) },
    // Tokens: graphql-js's own `maxTokens` (parseOptions) stops the one parse there is; armor's
    // Apollo plugin parses every document a second time and throws from a hook Apollo treats
    // as an unexpected error.
    maxTokens: { enabled: false },
    // Suggestions are cut in formatError, which both paths share (see error-formatting.ts).
    blockFieldSuggestion: { enabled: false },
  }).protect().validationRules;
}

/** Root fields of a selection set, through inline fragments and fragment spreads. */
function rootFieldCount(
  context: ValidationContext,
  selectionSet: SelectionSetNode,
  seen: Set<string>,
): number {
  let count = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value !== '__typename') count += 1;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      count += rootFieldCount(context, selection.selectionSet, seen);
    } else if (!seen.has(selection.name.value)) {
      // A spread cycle is another rule's error; counting each fragment once ends the walk.
      seen.add(selection.name.value);
      const fragment = context.getFragment(selection.name.value);
      if (fragment) count += rootFieldCount(context, fragment.selectionSet, seen);
    }
  }
  return count;
}

/**
 * Aliases make one mutation field many: `a: requestPasswordReset(…) b: requestPasswordReset(…)`.
 * Mutations do work a cost per field cannot weigh (a password hash, a mail), so their number
 * has a limit of its own, lower than the alias limit.
 */
const mutationFieldsRule: ValidationRule = (context) => ({
  OperationDefinition(operation) {
    if (operation.operation !== OperationTypeNode.MUTATION) return;
    const limit = operationLimits.mutationFields;
    if (rootFieldCount(context, operation.selectionSet, new Set()) > limit) {
      context.reportError(limitExceeded('MUTATION_TOO_MANY_FIELDS', limit, operation));
    }
  },
});

/**
 * The validation rules besides GraphQL's own, the same for Apollo (HTTP) and graphql-ws. That
 * production refuses introspection (the SPA's types come from the schema file at build time, not
 * from the server) is decided per request, since a machine key may introspect:
 * modules/partner-key/introspection-gate.ts.
 */
export function operationRules(): ValidationRule[] {
  return [...armorRules(), mutationFieldsRule];
}
