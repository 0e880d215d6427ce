import { ApolloArmor } from '@escape.tech/graphql-armor';
import { validate, type DocumentNode, type GraphQLSchema, type ValidationRule } from 'graphql';

const costs = new WeakMap<DocumentNode, number>();
/** Set by the rule while `validate` runs (synchronously) over one document. */
let measured = 0;

/** graphql-armor's cost rule alone, with the defaults the operation limits use, never refusing. */
const costRules: ValidationRule[] = new ApolloArmor({
  costLimit: {
    maxCost: Number.MAX_SAFE_INTEGER,
    propagateOnRejection: false,
    onAccept: [(_context, details: { n: number }) => (measured = Math.max(measured, details.n))],
  },
  maxDepth: { enabled: false },
  maxAliases: { enabled: false },
  maxDirectives: { enabled: false },
  maxTokens: { enabled: false },
  blockFieldSuggestion: { enabled: false },
}).protect().validationRules;

/**
 * An operation's cost as the operation limits weigh it (operation-limits.ts, `cost`), for the
 * machine keys' cost budgets. Apollo and graphql-ws reuse a parsed document, so it is kept per
 * document.
 */
export function operationCost(schema: GraphQLSchema, document: DocumentNode): number {
  const known = costs.get(document);
  if (known !== undefined) return known;
  measured = 0;
  validate(schema, document, costRules);
  const cost = measured;
  costs.set(document, cost);
  return cost;
}
