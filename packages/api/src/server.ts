import { existsSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { MikroORM } from '@mikro-orm/core';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { config } from './config/config.js';
import type { Context } from './graphql/context.js';
import { httpContext } from './http-context.js';
import { compiledPath } from './compiled-path/compiled-path.js';
import { controlCharactersPlugin } from './graphql/control-characters.js';
import { errorLanguagePlugin, formatError } from './graphql/error-formatting.js';
import { operationRules, parseOptions } from './graphql/operation-limits.js';
import { livePubSubFromEnv, type LivePubSub } from './graphql/pubsub.js';
import { registerRoutes } from './modules/moving/register-routes.js';
import { answerTimeout } from './graphql/timeout-answer.js';
import { readinessCheck } from './health/readiness.js';
import { securityHeaders } from './http/security-headers.js';
import { jsonErrors, jsonNotFound } from './http/json-errors.js';
import { maxRequestBytes } from './http/request-size.js';
import { lateAnswerAfterTimeout, requestTimeout } from './http/request-timeout.js';
import { createSchema } from './schema.js';
import { logRequest } from './logging/logger.js';
import { requestIds } from './logging/request-id.js';
import { flushRightCheckLog } from './modules/enforcement/right-check-log-writer.js';
import { graphqlWsOptions } from './modules/live/graphql-ws.js';
import { gateWebSockets, originAllowList } from './modules/live/websocket-gate.js';
import { paymentRoutes } from './modules/payment/payment-routes.js';
import { phoneRoutes } from './modules/phone/phone-routes.js';
import { phoneSimulatorRoutes } from './modules/phone/phone-simulator-routes.js';
import { documentRoutes } from './modules/letter/document-routes.js';
import { identityRoutes } from './modules/identity/identity-routes.js';
import { lazyTestBroker } from './modules/identity/test-broker/lazy-test-broker.js';
import { provideRegistryFakes, stopRegistryFakes } from './modules/registry/registry-endpoints.js';
import { testBrokerPath } from './modules/identity/test-broker/test-broker-settings.js';
import { applyApplicationPayment } from './modules/counter/counter-grant.js';
import { retryAfterPlugin } from './modules/rate-limit/retry-after-plugin.js';
import { introspectionGatePlugin } from './modules/partner-key/introspection-gate.js';
import { partnerKeyBudgetPlugin } from './modules/partner-key/partner-key-budget-plugin.js';
import { flushPartnerKeyUsage } from './modules/partner-key/partner-key-usage.js';
import { followPartnerKeyChanges } from './modules/partner-key/partner-key-changes.js';
import { metricsRoute } from './observability/metrics-route.js';
import { partnerDocsRoutes } from './partner-docs/docs-routes.js';
import { recordHttpRequest } from './observability/http-metrics.js';
import { knowOperationsOf } from './observability/operation-metrics.js';
import { operationMetricsPlugin } from './observability/operation-metrics-plugin.js';
import { registerDatabasePoolGauges } from './observability/database-pool-metrics.js';
import { oauthPath, oauthRoutes } from './modules/oauth/authorization-server.js';
import { setChangeOutbox } from './modules/ledger/permit-transaction.js';
import { writeWebhookEvents } from './modules/webhook/webhook-outbox.js';

export type ServerOptions = {
  /** 0 picks a free port (tests). */
  port: number;
  orm: MikroORM;
  /** The platform clock; tests pass a fixed one. */
  clock?: () => Date;
  host?: string;
  /**
   * Folder of the built SPA; `null` serves no SPA. Default: `WEB_DIST`, else `packages/web/dist`
   * (the same relative path from `src/` under tests and from `dist/` at runtime).
   */
  webDist?: string | null;
  /**
   * Where changes are published for subscribers. Default: from the environment (Redis when
   * `REDIS_URL` is set, else in memory), closed with the server; one given is the caller's.
   */
  pubSub?: LivePubSub;
  /** A GraphQL request not answered by then gets TIMEOUT. Default: `REQUEST_TIMEOUT_MS`. */
  requestTimeoutMs?: number;
};

export type RunningServer = {
  /** Base URL, e.g. `http://localhost:4000`; GraphQL is at `${url}/graphql`. */
  url: string;
  /** The one HTTP server; graphql-ws attaches to it for subscriptions. */
  httpServer: Server;
  /** Stops accepting requests, lets running ones finish, then stops Apollo. */
  close(): Promise<void>;
};

export const graphqlPath = '/graphql';

function defaultWebDist(): string {
  return process.env.WEB_DIST ?? fileURLToPath(new URL('../../web/dist', import.meta.url));
}

export async function createServer(options: ServerOptions): Promise<RunningServer> {
  const settings = config();
  const app = express();
  app.disable('x-powered-by');
  // Behind a TLS proxy: req.ip, req.secure and req.protocol as the proxy received the request.
  app.set('trust proxy', settings.TRUST_PROXY);
  app.use(
    requestIds((requestId, request, response, ms) => {
      logRequest(requestId, request, response, ms);
      recordHttpRequest(request, response, ms);
    }),
  );
  app.use(securityHeaders(settings));
  // The login cookie never travels unencrypted once the public address is https, even when the
  // proxy in front does not say so (TRUST_PROXY unset).
  const secureCookies = settings.PUBLIC_URL.startsWith('https:');
  const httpServer = createHttpServer(app);
  const ownPubSub = options.pubSub === undefined;
  const pubSub = options.pubSub ?? livePubSubFromEnv();
  const schema = await createSchema();
  knowOperationsOf(schema);
  registerDatabasePoolGauges(options.orm);
  // Every balance-changing transaction of this process writes its webhooks with it; the work
  // queue's settlements run in the same process as the API (main.ts).
  setChangeOutbox(writeWebhookEvents);
  // Rotated and revoked machine keys leave this instance's key cache at once.
  const stopFollowingKeyChanges = followPartnerKeyChanges(pubSub);

  const apollo = new ApolloServer<Context>({
    schema,
    formatError: (formatted, error) => formatError(formatted, error),
    includeStacktraceInErrorResponses: false,
    // Size limits: the same rules as graphql-ws's.
    parseOptions,
    validationRules: operationRules(),
    // Refused per request in production (introspectionGatePlugin: a machine key may introspect);
    // Apollo's own switch would refuse it for everyone.
    introspection: true,
    // On by default in Apollo 5; stated so nobody turns it off by accident: it refuses GET and
    // simple-content-type POSTs without a preflight header, which blocks CSRF from other sites.
    csrfPrevention: true,
    // main.ts drains the whole process on SIGTERM. Apollo's own handler (on outside NODE_ENV=test)
    // stopped Apollo and raised the signal again, which main.ts took for a second signal: every
    // production shutdown ended at once with exit code 1 (test/deployment.test.ts).
    stopOnTerminationSignals: false,
    plugins: [
      errorLanguagePlugin<Context>(),
      controlCharactersPlugin<Context>(),
      retryAfterPlugin<Context>(),
      operationMetricsPlugin<Context>(),
      introspectionGatePlugin({ production: settings.production }),
      partnerKeyBudgetPlugin(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      settings.production
        ? ApolloServerPluginLandingPageDisabled()
        : ApolloServerPluginLandingPageLocalDefault({ embed: true }),
    ],
  });
  await apollo.start();

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  // Prometheus: loopback clients only, or with METRICS_TOKEN.
  app.get('/metrics', metricsRoute);
  // Ready to serve while the database answers; 503 takes an instance out of a load balancer's
  // rotation without killing it. Redis down is `degraded`, still 200 (see readiness.ts).
  const readiness = readinessCheck({ orm: options.orm, redisStatus: () => pubSub.redisStatus() });
  app.get('/readyz', (_req, res) => {
    void readiness().then((state) => res.status(state.database === 'up' ? 200 : 503).json(state));
  });

  // The partner documentation: guides, conventions and the reference of this schema.
  app.use(partnerDocsRoutes({ schema }));

  const clock = options.clock ?? (() => new Date());

  // Subscriptions: graphql-ws on the same port and path as HTTP GraphQL, a message no larger
  // than an HTTP body (ws closes the connection with 1009 before buffering more).
  const wsServer = new WebSocketServer({ noServer: true, maxPayload: maxRequestBytes });
  const stopWebSocketGate = gateWebSockets({
    httpServer,
    wsServer,
    path: graphqlPath,
    isAllowedOrigin: originAllowList(settings),
    maxConnectionsPerClient: settings.WS_MAX_CONNECTIONS_PER_CLIENT,
  });
  // A schema of its own for graphql-ws and the compiled path: Apollo wraps every resolver of the
  // schema it serves with its plugin hooks, which neither uses.
  const unwrappedSchema = await createSchema();
  const wsDisposable = useServer(
    graphqlWsOptions({
      schema: unwrappedSchema,
      orm: options.orm,
      clock,
      pubSub,
      production: settings.production,
    }),
    wsServer,
  );

  const context = httpContext({ orm: options.orm, clock, pubSub, secureCookies });
  app.use(
    graphqlPath,
    requestTimeout(options.requestTimeoutMs ?? settings.REQUEST_TIMEOUT_MS, answerTimeout),
    express.json({ limit: maxRequestBytes }),
    // Trusted documents named by id skip Apollo's request pipeline (compiled-path/);
    // everything else, and anything unusual about such a request, goes on to Apollo.
    compiledPath({ schema: unwrappedSchema, context, production: settings.production }),
    expressMiddleware(apollo, { context: ({ req, res }) => context(req, res) }),
    lateAnswerAfterTimeout,
  );

  // Payment webhooks and the simulated bank's pages: plain HTTP, before the SPA's catch-all.
  app.use(
    paymentRoutes({
      orm: options.orm,
      clock,
      pubSub,
      applicationPayments: applyApplicationPayment,
    }),
  );
  // The population register's change notifications (a move), when the town has them.
  app.use(registerRoutes({ orm: options.orm, clock, pubSub }));
  // Letters and uploads of the permit counter (GET /documents/:id, POST /documents).
  app.use(documentRoutes({ orm: options.orm, clock }));
  // DigiD and eHerkenning: the start and the broker's callback, and in demo mode the test broker.
  app.use(identityRoutes({ orm: options.orm, clock, secureCookies }));
  // Apps acting for a resident: the OAuth 2 authorization server (docs/graphql.md).
  app.use(oauthPath, oauthRoutes({ orm: options.orm, clock }));
  // The phone line's webhooks (Twilio-compatible), signed with PHONE_WEBHOOK_TOKEN.
  app.use(phoneRoutes({ orm: options.orm, clock, pubSub }));
  // Demo mode: the phone simulator page's keypad, sent on to the webhook above, signed.
  app.use(phoneSimulatorRoutes({ orm: options.orm }));
  if (settings.IDENTITY_TEST_BROKER) app.use(testBrokerPath, lazyTestBroker());
  // Imported at first use: a process that never asks a registry never loads the fakes.
  if (settings.REGISTRY_FAKES) {
    provideRegistryFakes(() =>
      import('./registry-fakes/registry-fakes.js').then((fakes) => fakes.startRegistryFakes()),
    );
  }

  const webDist = options.webDist === undefined ? defaultWebDist() : options.webDist;
  if (webDist !== null && existsSync(join(webDist, 'index.html'))) {
    const assets = join(webDist, 'assets');
    app.use(
      express.static(webDist, {
        // Vite puts a content hash in every asset name, so those never change; index.html must.
        setHeaders: (res, file) => {
          if (file.startsWith(assets)) {
            res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
          }
        },
      }),
    );
    // Client-side routes (`/sessies/123`) get the SPA; missing files (`/assets/x.js`) stay 404.
    app.get('/{*path}', (req, res, next) => {
      if (req.path.startsWith(graphqlPath) || extname(req.path) !== '') return next();
      res.sendFile(join(webDist, 'index.html'));
    });
  }
  app.use(jsonNotFound);
  app.use(jsonErrors);

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });

  const { port } = httpServer.address() as AddressInfo;
  const host = options.host && options.host !== '0.0.0.0' ? options.host : 'localhost';

  return {
    url: `http://${host}:${port}`,
    httpServer,
    // apollo.stop() runs the drain plugin, which closes the HTTP server and its idle connections;
    // then what requests left queued is written.
    close: async () => {
      // WebSockets first, closed with 1001 Going Away (clients reconnect, to another instance if
      // any): the HTTP server's drain would otherwise wait for them.
      stopWebSocketGate();
      await wsDisposable.dispose();
      await apollo.stop();
      await flushRightCheckLog(options.orm.em);
      stopFollowingKeyChanges();
      await flushPartnerKeyUsage(options.orm.em);
      if (ownPubSub) await pubSub.close();
      await stopRegistryFakes();
    },
  };
}
