import { getOperationAST, type DocumentNode } from 'graphql';
import { operationLabelOf } from './operation-metrics-plugin.js';
import {
  countOperationErrors,
  observeOperation,
  unknownOperation,
  type OperationType,
} from './operation-metrics.js';

interface Label {
  readonly name: string;
  readonly type: OperationType | 'unknown';
}

interface Pending {
  readonly started: number;
  label: Label;
}

const unlabelled: Label = { name: unknownOperation, type: 'unknown' };

/**
 * The operations of graphql-ws counted as HTTP's are (operation-metrics.ts): by root field and
 * type, never by the client's operation name. A query or mutation is timed from its message to
 * its result; a subscription to its stream set up (it then lives as long as the page), and the
 * errors of each of its events are counted. One per server: its state is per connection and
 * operation id, and goes with the connection.
 */
export function wsOperationMetrics() {
  const pending = new WeakMap<object, Map<string, Pending>>();
  const running = new WeakMap<object, Label>();
  const operationsOf = (connection: object) => {
    let operations = pending.get(connection);
    if (!operations) pending.set(connection, (operations = new Map()));
    return operations;
  };
  const finished = (connection: object, id: string): Pending | null => {
    const operations = pending.get(connection);
    const entry = operations?.get(id) ?? null;
    operations?.delete(id);
    return entry;
  };
  const secondsSince = (started: number) => (performance.now() - started) / 1000;

  return {
    /** A subscribe message arrived: its clock starts. */
    started(connection: object, id: string): void {
      operationsOf(connection).set(id, { started: performance.now(), label: unlabelled });
    },
    /** Its document parsed: the label it is counted under from now on. */
    identified(
      connection: object,
      id: string,
      document: DocumentNode,
      operationName?: string | null,
    ): void {
      const entry = pending.get(connection)?.get(id);
      const operation = getOperationAST(document, operationName);
      if (entry)
        entry.label = {
          name: operationLabelOf(operation ?? undefined),
          type: operation?.operation ?? 'unknown',
        };
    },
    /** Refused before it ran (limits, syntax, validation, budget): answered now, with errors. */
    refused(connection: object, id: string, codes: readonly (string | undefined)[]): void {
      const entry = finished(connection, id);
      const { name, type } = entry?.label ?? unlabelled;
      observeOperation(name, type, entry ? secondsSince(entry.started) : 0);
      countOperationErrors(name, type, codes);
    },
    /** It ran: a result, or a subscription's stream; `args` names it for its results. */
    ran(connection: object, id: string, args: object): void {
      const entry = finished(connection, id);
      if (!entry) return;
      running.set(args, entry.label);
      observeOperation(entry.label.name, entry.label.type, secondsSince(entry.started));
    },
    /** A result sent (a subscription: each event) with these errors. */
    answered(args: object, codes: readonly (string | undefined)[]): void {
      const label = running.get(args);
      if (label && codes.length > 0) countOperationErrors(label.name, label.type, codes);
    },
  };
}
