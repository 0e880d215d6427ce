import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

/**
 * What belongs to the HTTP request being served. One AsyncLocalStorage for all of it: on Node 20
 * every store in use adds to the cost of every promise.
 */
export interface RequestScope {
  readonly requestId: string;
  /** Set once the request was answered with TIMEOUT (see request-timeout.ts). */
  deadlinePassed: boolean;
}

const requests = new AsyncLocalStorage<RequestScope>();

/** The scope of the HTTP request being served, if any. */
export function currentRequestScope(): RequestScope | undefined {
  return requests.getStore();
}

/** Runs `work` in the request's scope: the current one, or a new one where none was opened. */
export function inRequestScope(work: (scope: RequestScope) => void): void {
  const current = requests.getStore();
  if (current) return work(current);
  const scope: RequestScope = { requestId: randomUUID(), deadlinePassed: false };
  requests.run(scope, () => work(scope));
}

/** A caller's own id (a proxy's or an app's) is kept when it looks like one. */
const callerId = /^[A-Za-z0-9._-]{1,100}$/;

/** The id of the HTTP request being served, if any. */
export function currentRequestId(): string | undefined {
  return requests.getStore()?.requestId;
}

/** What every log line written while serving a request carries (see logger.ts). */
export function requestLogFields(): { requestId?: string } {
  const store = requests.getStore();
  return store ? { requestId: store.requestId } : {};
}

/**
 * Gives each HTTP request an id (the `x-request-id` it came with, or a new one), answers with it
 * in `x-request-id`, and serves the request in its scope, so every log line written on the way
 * names it without each function passing a logger along.
 */
export function requestIds(
  onFinished: (requestId: string, request: Request, response: Response, ms: number) => void,
) {
  return (request: Request, response: Response, next: NextFunction) => {
    const given = request.headers['x-request-id'];
    const requestId = typeof given === 'string' && callerId.test(given) ? given : randomUUID();
    response.setHeader('x-request-id', requestId);
    const started = performance.now();
    requests.run({ requestId, deadlinePassed: false }, () => {
      response.once('finish', () =>
        onFinished(requestId, request, response, performance.now() - started),
      );
      next();
    });
  };
}
