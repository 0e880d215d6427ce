import {
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  parse,
  type ExecutionResult,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { sharingSubscribe } from '../src/graphql/shared-subscription.js';
import { SubscriberQueue } from '../src/graphql/subscriber-queue.js';

type Viewer = { who: string | null };

/** A schema with one subscription whose resolver counts its executions. */
function countingSchema() {
  const calls = { count: 0 };
  const queues: SubscriberQueue<{ text: string }>[] = [];
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLString } } }),
    subscription: new GraphQLObjectType({
      name: 'Subscription',
      fields: {
        said: {
          type: GraphQLString,
          subscribe: () => {
            const queue = new SubscriberQueue<{ text: string }>(() => undefined);
            queues.push(queue);
            return queue;
          },
          resolve: (payload: { text: string }, _args, context: Viewer) => {
            calls.count++;
            return `${payload.text} for ${context.who}`;
          },
        },
      },
    }),
  });
  // Every subscriber receives the very same payload object, as from the pub/sub.
  const publish = (payload: { text: string }) => queues.forEach((queue) => queue.push(payload));
  return { schema, calls, publish };
}

describe('sharing executions between identical subscriptions', () => {
  const subscribe = sharingSubscribe((context) => (context as Viewer).who);

  it('executes an event once per document, variables and audience', async () => {
    const { schema, calls, publish } = countingSchema();
    const same = parse('subscription { said }');
    const other = parse('subscription { again: said }');
    const start = async (document: typeof same, who: string | null) =>
      (await subscribe({
        schema,
        document,
        contextValue: { who },
      })) as AsyncIterableIterator<ExecutionResult>;
    const annaTwice = [await start(same, 'anna'), await start(same, 'anna')];
    const bram = await start(same, 'bram');
    const annaOtherDocument = await start(other, 'anna');
    const nobody = [await start(same, null), await start(same, null)];

    publish({ text: 'hello' });
    const results = await Promise.all(
      [...annaTwice, bram, annaOtherDocument, ...nobody].map((stream) => stream.next()),
    );
    expect(results.map((result) => result.value)).toEqual([
      { data: { said: 'hello for anna' } },
      { data: { said: 'hello for anna' } },
      { data: { said: 'hello for bram' } },
      { data: { again: 'hello for anna' } },
      { data: { said: 'hello for null' } },
      { data: { said: 'hello for null' } },
    ]);
    // Anna's two identical subscriptions shared one; those without an audience ran alone.
    expect(calls.count).toBe(5);

    // A new event is a new execution, not the previous result.
    publish({ text: 'again' });
    expect((await annaTwice[1]!.next()).value).toEqual({ data: { said: 'again for anna' } });
    expect(calls.count).toBe(6);
  });

  it('closes the source when the subscriber leaves', async () => {
    let closed = false;
    const schema = new GraphQLSchema({
      query: new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLString } } }),
      subscription: new GraphQLObjectType({
        name: 'Subscription',
        fields: {
          said: {
            type: GraphQLString,
            subscribe: () => new SubscriberQueue(() => (closed = true)),
          },
        },
      }),
    });
    const stream = (await subscribe({
      schema,
      document: parse('subscription { said }'),
      contextValue: { who: 'anna' },
    })) as AsyncIterableIterator<ExecutionResult>;
    const pending = stream.next();
    await stream.return!();
    expect(closed).toBe(true);
    expect(await pending).toEqual({ value: undefined, done: true });
  });
});
