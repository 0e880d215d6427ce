import {
  createSourceEventStream,
  execute,
  getOperationAST,
  GraphQLError,
  Kind,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
} from 'graphql';
import { AppError } from './app-error.js';
import { eventsMissed } from './subscriber-queue.js';

type Result = ExecutionResult | Promise<ExecutionResult>;

/**
 * GraphQL's `subscribe`, except that subscribers whose executions cannot differ share one:
 * same document, operation and variables, and the same `audience` (who is asking, in which
 * language). An event published once reaches a thousand such subscribers with one execution
 * instead of a thousand. `audience` returns null for a subscriber that must execute alone.
 */
export function sharingSubscribe(audience: (contextValue: unknown) => string | null) {
  const documentIds = new WeakMap<DocumentNode, number>();
  let nextDocumentId = 0;
  // Per event payload (the object every local subscriber receives), the results so far.
  const resultsByPayload = new WeakMap<object, Map<string, Result>>();

  const keyOf = (args: ExecutionArgs): string | null => {
    const who = audience(args.contextValue);
    if (who === null) return null;
    let documentId = documentIds.get(args.document);
    if (documentId === undefined) documentIds.set(args.document, (documentId = nextDocumentId++));
    return JSON.stringify([documentId, args.operationName ?? null, args.variableValues ?? {}, who]);
  };

  return async (args: ExecutionArgs) => {
    const source = await createSourceEventStream(args);
    if (!(Symbol.asyncIterator in source)) return source;
    const key = keyOf(args);
    const executeFor = (payload: unknown): Result => {
      if (payload === eventsMissed) return eventsMissedResult(args);
      if (key === null || typeof payload !== 'object' || payload === null) {
        return execute({ ...args, rootValue: payload });
      }
      let results = resultsByPayload.get(payload);
      if (!results) resultsByPayload.set(payload, (results = new Map()));
      let result = results.get(key);
      if (!result) results.set(key, (result = execute({ ...args, rootValue: payload })));
      return result;
    };
    return mapEvents(source, executeFor);
  };
}

/**
 * Instead of events that were lost: EVENTS_MISSED on the subscription's field, as a resolver's
 * error would be (code and messages added by formatError). The subscription stays open; the
 * subscriber fetches what it shows again.
 */
function eventsMissedResult(args: ExecutionArgs): ExecutionResult {
  const selection = getOperationAST(args.document, args.operationName)?.selectionSet.selections[0];
  const field =
    selection?.kind === Kind.FIELD ? (selection.alias ?? selection.name).value : 'events';
  return {
    data: null,
    errors: [
      new GraphQLError('EVENTS_MISSED', {
        path: [field],
        originalError: new AppError('EVENTS_MISSED'),
      }),
    ],
  };
}

/** Each event of `source` through `map`; closing the result closes the source. */
function mapEvents<T, U>(
  source: AsyncIterable<T>,
  map: (value: T) => U | Promise<U>,
): AsyncIterableIterator<U> {
  const iterator = source[Symbol.asyncIterator]();
  const close = async (): Promise<IteratorResult<U>> => {
    await iterator.return?.();
    return { value: undefined, done: true };
  };
  return {
    async next() {
      const event = await iterator.next();
      if (event.done) return { value: undefined, done: true };
      try {
        return { value: await map(event.value), done: false };
      } catch (error) {
        await close();
        throw error;
      }
    },
    return: close,
    async throw(error: unknown) {
      await close();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
