import type { IncomingMessage } from 'node:http';
import type { EntityManager, MikroORM } from '@mikro-orm/core';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { CloseCode, type ServerOptions } from 'graphql-ws';
import type { Extra } from 'graphql-ws/use/ws';
import type { Language } from '@parkeer/shared/language';
import { AppError } from '../../graphql/app-error.js';
import { createContext, type Context } from '../../graphql/context.js';
import type { HttpSession } from '../../graphql/http-session.js';
import { languageFromHeader } from '../../http/accept-language.js';
import { presentsCredentials, viewerFromCredentials, wsCredentials } from '../auth/credentials.js';
import { controlCharacterError } from '../../graphql/control-characters.js';
import { formatError } from '../../graphql/error-formatting.js';
import { documentCache } from '../../graphql/document-cache.js';
import { limitExceeded, operationRules, parseOptions } from '../../graphql/operation-limits.js';
import type { LivePubSub } from '../../graphql/pubsub.js';
import { sharingSubscribe } from '../../graphql/shared-subscription.js';
import { forgetLiveConnection, trackLiveConnection } from '../../observability/live-metrics.js';
import { wsOperationMetrics } from '../../observability/ws-operation-metrics.js';
import { introspectionRefusal } from '../partner-key/introspection-gate.js';
import { operationCost } from '../../graphql/operation-cost.js';
import type { Viewer } from '../../graphql/viewer.js';
import { partnerKeyGrantOf } from '../partner-key/partner-key-auth.js';
import { BudgetSpent, takePartnerKeyBudget } from '../partner-key/partner-key-budget.js';

type WsOptions = ServerOptions<Record<string, unknown> | undefined, Extra>;

/** Operations one connection may run at once; the SPA holds two subscriptions per page. */
export const maxSubscriptionsPerConnection = 50;

/** An error's message in the language asked for; formatError wrote Dutch and English. */
function inLanguage(error: ReturnType<typeof formatError>, language: Language) {
  const messages = (error.extensions?.messages ?? {}) as Record<string, string>;
  return { ...error, message: messages[language] ?? error.message };
}

/** The catalogue codes of answered errors, as the metrics count them. */
const codesOf = (errors: readonly { extensions?: Record<string, unknown> }[]) =>
  errors.map((error) => error.extensions?.code as string | undefined);

/** Over a WebSocket no cookie can be set: logging in and out is for HTTP. */
const noHttpSession: HttpSession = {
  setSessionCookie: () => {
    throw new AppError('BAD_USER_INPUT');
  },
  clearSessionCookie: () => {
    throw new AppError('BAD_USER_INPUT');
  },
};

/**
 * The context of one operation over graphql-ws: an EntityManager forked for it alone (a
 * subscription lives long; the global one is refused), and the viewer of the connection's
 * `authorization` parameter or of the cookie sent with the upgrade request.
 */
async function createWsContext(
  em: EntityManager,
  request: IncomingMessage,
  connectionParams: Readonly<Record<string, unknown>> | undefined,
  now: Date,
  pubSub: LivePubSub,
): Promise<Context> {
  const fork = em.fork();
  const viewer = await viewerFromCredentials(fork, wsCredentials(request, connectionParams), now);
  return createContext(fork, request, viewer, noHttpSession, now, pubSub);
}

/**
 * graphql-ws on the API's HTTP server, with HTTP's rules: credentials checked at connect (a bad
 * or expired one closes the connection with 4401 instead of going on anonymously), the same
 * parse limit, validation rules and control-character guard as Apollo, and a limit on
 * operations per connection. Each operation gets its own context (forked EntityManager, viewer
 * of the connection), and errors leave as over HTTP: a catalogue code and both messages, the
 * message in the viewer's language. Documents are parsed and validated once, and an event is
 * executed once per viewer, language and document (see shared-subscription.ts).
 */
export function graphqlWsOptions(deps: {
  schema: GraphQLSchema;
  orm: MikroORM;
  clock: () => Date;
  pubSub: LivePubSub;
  production: boolean;
}): WsOptions {
  const contexts = new WeakMap<object, Context>();
  const languages = new WeakMap<object, Language>();
  /** The viewer a connection authenticated with at connect: its budgets, its introspection. */
  const viewers = new WeakMap<object, Viewer>();
  const metrics = wsOperationMetrics();
  const documents = documentCache({
    rules: operationRules(),
    parseOptions,
  });
  return {
    schema: deps.schema,
    subscribe: sharingSubscribe((context) => {
      const { viewer, language } = context as Context;
      // Acting for someone sees their products: never share with the actor's own login.
      return viewer ? `${viewer.accountId}:${viewer.holderAccountId}:${language}` : null;
    }),
    onConnect: async (ctx) => {
      const { request, socket } = ctx.extra;
      const credentials = wsCredentials(request, ctx.connectionParams);
      let language = languageFromHeader(request.headers['accept-language']);
      if (presentsCredentials(credentials)) {
        const viewer = await viewerFromCredentials(deps.orm.em.fork(), credentials, deps.clock());
        if (!viewer) {
          // 4401 rather than graphql-ws's 4403 for `false`: its clients do not retry a 4401.
          socket.close(CloseCode.Unauthorized, 'Unauthorized');
          return false;
        }
        language = viewer.language ?? language;
        viewers.set(ctx, viewer);
      }
      languages.set(ctx, language);
      trackLiveConnection(ctx);
      return true;
    },
    onClose: (ctx) => forgetLiveConnection(ctx),
    onSubscribe: async (ctx, id, payload) => {
      metrics.started(ctx, id);
      // graphql-ws lists this operation already: it is one of them.
      if (Object.keys(ctx.subscriptions).length > maxSubscriptionsPerConnection) {
        return [limitExceeded('TOO_MANY_SUBSCRIPTIONS', maxSubscriptionsPerConnection)];
      }
      let document;
      try {
        document = documents.parse(payload.query);
      } catch (error) {
        if (error instanceof GraphQLError) return [error];
        throw error;
      }
      metrics.identified(ctx, id, document, payload.operationName);
      const invalid = documents.validate(deps.schema, document);
      if (invalid.length > 0) return invalid;
      const controlCharacter = controlCharacterError(payload.variables, document);
      if (controlCharacter) return [controlCharacter];
      const viewer = viewers.get(ctx) ?? null;
      const introspection = introspectionRefusal(deps.schema, document, viewer, deps.production);
      if (introspection.length > 0) return [...introspection];
      // A machine key's budgets count every operation message, as HTTP counts every request.
      const grant = partnerKeyGrantOf(viewer);
      if (grant) {
        try {
          await takePartnerKeyBudget(grant, operationCost(deps.schema, document), {
            em: deps.orm.em.fork(),
            now: deps.clock(),
          });
        } catch (error) {
          if (!(error instanceof BudgetSpent)) throw error;
          return [new GraphQLError(error.message, { originalError: error })];
        }
      }
      return {
        schema: deps.schema,
        document,
        operationName: payload.operationName,
        variableValues: payload.variables,
      };
    },
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
    // Refused before it ran (limits, syntax, validation): a catalogue code, else
    // BAD_USER_INPUT with GraphQL's explanation.
    onError: (ctx, id, _payload, errors) => {
      const answered = errors.map((error) =>
        inLanguage(
          formatError(
            { ...error.toJSON(), extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
            error,
          ),
          languages.get(ctx) ?? 'nl',
        ),
      );
      metrics.refused(ctx, id, codesOf(answered));
      return answered;
    },
    onOperation: (ctx, id, _payload, args) => {
      metrics.ran(ctx, id, args);
    },
    onNext: (_ctx, _id, _payload, args, result) => {
      if (!result.errors?.length) return;
      const language = contexts.get(args)?.language ?? 'nl';
      const errors = result.errors.map((error) =>
        inLanguage(formatError(error.toJSON(), error), language),
      );
      metrics.answered(args, codesOf(errors));
      return { ...result, errors };
    },
  };
}
