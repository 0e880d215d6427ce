import type { RequestHandler } from 'express';

/**
 * The demo's test broker, imported at its first request: starting the API does not wait for
 * oidc-provider, and a process that never serves it (production refuses it) never loads it.
 */
export function lazyTestBroker(): RequestHandler {
  let handler: Promise<RequestHandler> | undefined;
  return (req, res, next) => {
    handler ??= import('./test-broker.js').then((broker) => broker.testBrokerRouter());
    handler.then((route) => route(req, res, next), next);
  };
}
