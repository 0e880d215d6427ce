/**
 * GraphQL operations by name and type: a latency histogram and errors by `extensions.code`.
 * One small API that every path answering operations calls (Apollo's plugin, graphql-ws, a
 * compiled fast path), so they count alike (docs/operations.md, "Health, metrics, logs and
 * shutdown").
 */
import { Histogram } from 'prom-client';
import type { GraphQLSchema } from 'graphql';
import { counter, registry } from './metrics.js';

export type OperationType = 'query' | 'mutation' | 'subscription';

/** From 1 ms (a cached right-check) to 5 s (past it an operation is stuck, not slow). */
export const latencyBuckets = [
  0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5,
] as const;

const operationSeconds = new Histogram({
  name: 'parkeer_graphql_operation_duration_seconds',
  help: 'GraphQL operations answered, by operation (the root field asked) and type, and how long they took.',
  labelNames: ['operation', 'type'],
  buckets: [...latencyBuckets],
  registers: [registry],
});

const operationErrors = counter(
  'parkeer_graphql_errors_total',
  'Errors in GraphQL answers, by operation, type and extensions.code.',
  ['operation', 'type', 'code'],
);

/** An operation that is no field of the schema, or several at once. */
export const unknownOperation = 'unknown';
/** An operation that asks for several root fields. */
export const multipleOperations = 'multiple';

/**
 * The names an operation label may take: the schema's root fields. A client's own operation
 * names are not used: anyone can send any number of them, and each would be a series.
 */
const knownOperations = new Set<string>([unknownOperation, multipleOperations]);

export function knowOperationsOf(schema: GraphQLSchema): void {
  for (const root of [
    schema.getQueryType(),
    schema.getMutationType(),
    schema.getSubscriptionType(),
  ]) {
    for (const name of Object.keys(root?.getFields() ?? {})) knownOperations.add(name);
  }
}

/** Codes come from the catalogue or GraphQL's own; anything else is counted as one. */
const codeShape = /^[A-Z][A-Z0-9_]{0,63}$/;

/** The label an operation is counted under: a root field of the schema, else `unknown`. */
const labelOf = (name: string) => (knownOperations.has(name) ? name : unknownOperation);

/** How long an operation took to answer (a subscription: until its stream was set up). */
export function observeOperation(
  name: string,
  type: OperationType | 'unknown',
  seconds: number,
): void {
  operationSeconds.observe({ operation: labelOf(name), type }, seconds);
}

/** The `extensions.code` of errors an operation answered (a subscription: of any event). */
export function countOperationErrors(
  name: string,
  type: OperationType | 'unknown',
  errorCodes: readonly (string | undefined)[],
): void {
  const operation = labelOf(name);
  for (const code of errorCodes) {
    operationErrors.inc({
      operation,
      type,
      code: code && codeShape.test(code) ? code : 'INTERNAL_SERVER_ERROR',
    });
  }
}

/**
 * One answered operation: `name` is the root field it asked for (`rightCheck`), `unknown` or
 * `multiple`; a name the schema does not have counts as `unknown`. `errorCodes` are the
 * `extensions.code` of the answer's errors, if any.
 */
export function recordOperation(
  name: string,
  type: OperationType | 'unknown',
  seconds: number,
  errorCodes: readonly (string | undefined)[] = [],
): void {
  observeOperation(name, type, seconds);
  countOperationErrors(name, type, errorCodes);
}
