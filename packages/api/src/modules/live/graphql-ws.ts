import type { MikroORM } from '@mikro-orm/core';
import type { GraphQLSchema } from 'graphql';
import type { ServerOptions } from 'graphql-ws';
import type { Extra } from 'graphql-ws/use/ws';
import { createWsContext, type Context } from '../../graphql/context.js';
import { formatError } from '../../graphql/error-formatting.js';
import { documentCache } from '../../graphql/document-cache.js';
import type { LivePubSub } from '../../graphql/pubsub.js';
import { sharingSubscribe } from '../../graphql/shared-subscription.js';

type WsOptions = ServerOptions<Record<string, unknown> | undefined, Extra>;

/**
 * graphql-ws on the API's HTTP server: each operation gets its own context (forked
 * EntityManager, viewer of the connection), and errors leave as over HTTP: a catalogue code and
 * both messages, the message in the viewer's language. Documents are parsed and validated once,
 * and an event is executed once per viewer, language and document (see shared-subscription.ts).
 */
export function graphqlWsOptions(deps: {
  schema: GraphQLSchema;
  orm: MikroORM;
  clock: () => Date;
  pubSub: LivePubSub;
}): WsOptions {
  const contexts = new WeakMap<object, Context>();
  const documents = documentCache();
  return {
    schema: deps.schema,
    parse: documents.parse,
    validate: documents.validate,
    subscribe: sharingSubscribe((context) => {
      const { viewer, language } = context as Context;
      return viewer ? `${viewer.accountId}:${language}` : null;
    }),
    context: async (ctx, _id, _payload, args) => {
      const context = await createWsContext(
        deps.orm.em,
        ctx.extra.request,
        ctx.connectionParams,
        deps.clock(),
        deps.pubSub,
      );
      contexts.set(args, context);
      return context;
    },
    // A document that does not parse or validate: BAD_USER_INPUT with GraphQL's explanation.
    onError: (_ctx, _id, _payload, errors) =>
      errors.map((error) =>
        formatError(
          { ...error.toJSON(), extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
          error,
        ),
      ),
    onNext: (_ctx, _id, _payload, args, result) => {
      if (!result.errors?.length) return;
      const language = contexts.get(args)?.language ?? 'nl';
      return {
        ...result,
        errors: result.errors.map((error) => {
          const formatted = formatError(error.toJSON(), error);
          const messages = (formatted.extensions?.messages ?? {}) as Record<string, string>;
          return { ...formatted, message: messages[language] ?? formatted.message };
        }),
      };
    },
  };
}
