import type { ApolloServerPlugin } from '@apollo/server';
import { trace } from '@opentelemetry/api';
import { Kind, type OperationDefinitionNode } from 'graphql';
import { multipleOperations, recordOperation, unknownOperation } from './operation-metrics.js';

/** The root field an operation asks for: its label (see operation-metrics.ts). */
export function operationLabelOf(operation: OperationDefinitionNode | undefined): string {
  if (!operation) return unknownOperation;
  const roots = operation.selectionSet.selections.filter(
    (selection) => selection.kind !== Kind.FIELD || selection.name.value !== '__typename',
  );
  if (roots.length > 1) return multipleOperations;
  const [root] = roots;
  return root?.kind === Kind.FIELD ? root.name.value : unknownOperation;
}

/**
 * Counts every HTTP GraphQL operation: its time from the request's arrival at Apollo to its
 * answer, and the codes of its errors. The operation's label also names the HTTP span of a
 * trace, so a trace shows which operation it was without the document's text.
 */
export function operationMetricsPlugin<Context extends object>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async didResolveOperation({ operation }) {
          trace
            .getActiveSpan()
            ?.setAttribute('graphql.operation.name', operationLabelOf(operation));
        },
        async willSendResponse({ operation, response }) {
          const errors =
            response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          recordOperation(
            operationLabelOf(operation),
            operation?.operation ?? 'unknown',
            (performance.now() - started) / 1000,
            errors.map((error) => error.extensions?.code as string | undefined),
          );
        },
      };
    },
  };
}
