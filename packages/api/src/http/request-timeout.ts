import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import { currentRequestScope, inRequestScope } from '../logging/request-id.js';

/**
 * Whether the HTTP request this code runs for has already been answered with a timeout. Work
 * that goes on after that must not commit (see request-deadline-guard.ts): the caller was told
 * the request was stopped.
 */
export function requestDeadlinePassed(): boolean {
  return currentRequestScope()?.deadlinePassed ?? false;
}

/**
 * What stops a commit after the request's deadline. Its own class, not an AppError: the database
 * layer that throws it sits below GraphQL; error-formatting.ts answers it as TIMEOUT.
 */
export class RequestDeadlinePassed extends Error {
  constructor() {
    super('the request was already answered with TIMEOUT; its work is not committed');
    this.name = 'RequestDeadlinePassed';
  }
}

/**
 * Answers a request that has not answered within `ms` with `answer` (a typed TIMEOUT), and
 * marks it so that its late work can no longer commit. Node cannot stop the handler itself;
 * statements are cut by the database's own statement_timeout, set below this limit.
 */
export function requestTimeout(
  ms: number,
  answer: (request: Request, response: Response) => void,
): RequestHandler {
  return (request, response, next) =>
    // The request's scope (opened by requestIds, or here): its work finds the mark there.
    inRequestScope((scope) => {
      const timer = setTimeout(() => {
        scope.deadlinePassed = true;
        response.locals.timedOut = true;
        if (!response.headersSent) answer(request, response);
      }, ms);
      // 'close' comes once the answer is sent or the client has gone, whichever is first.
      response.once('close', () => clearTimeout(timer));
      next();
    });
}

/**
 * The handler's own answer, when it finally comes, finds the timeout's already sent and fails
 * (headers already sent): that is expected and needs neither a log line nor a closed socket.
 */
export const lateAnswerAfterTimeout: ErrorRequestHandler = (error, _request, response, next) => {
  if (response.headersSent && response.locals.timedOut === true) return;
  next(error);
};
