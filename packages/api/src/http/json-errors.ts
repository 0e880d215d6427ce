import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import {
  errorMessage,
  type ErrorCode,
  type MessageParams,
} from '@parkeer/shared/messages/error-catalogue';
import { languageFromHeader } from './accept-language.js';
import { logger } from '../logging/logger.js';
import { maxRequestBytes } from './request-size.js';

/** An answer shaped like a GraphQL response, so every client reads errors one way. */
function errorBody(request: Request, code: ErrorCode, params: MessageParams = {}) {
  const messages = { nl: errorMessage(code, 'nl', params), en: errorMessage(code, 'en', params) };
  const language = languageFromHeader(request.headers['accept-language']);
  const extensions = { code, messages, ...(Object.keys(params).length > 0 ? { params } : {}) };
  return { errors: [{ message: messages[language], extensions }] };
}

/** Answers a route's own refusal with its status, shaped like every other error. */
export function sendJsonError(
  request: Request,
  response: Response,
  status: number,
  code: ErrorCode,
  params: MessageParams = {},
): void {
  response.status(status).json(errorBody(request, code, params));
}

/** The status an error asks for (body-parser's carry one), else 500. */
function statusOf(error: unknown): number {
  const { status, statusCode } = (error ?? {}) as { status?: unknown; statusCode?: unknown };
  const asked = status ?? statusCode;
  return typeof asked === 'number' && asked >= 400 && asked < 600 ? asked : 500;
}

function readableSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MB` : `${Math.round(bytes / 1024)} kB`;
}

/**
 * Express's last error handler: a body that does not parse (400), is over its limit (413), or
 * comes in an encoding or charset we do not read (415) answers as GraphQL JSON with its status,
 * never Express's HTML page, which outside NODE_ENV=production shows the stack.
 */
export const jsonErrors: ErrorRequestHandler = (error, request, response, next) => {
  // Too late for another answer: Express's own handler ends the connection.
  if (response.headersSent) return next(error);
  const status = statusOf(error);
  if (status >= 500) {
    logger.error({ err: error }, 'unexpected error in an HTTP request');
    response.status(status).json(errorBody(request, 'INTERNAL_ERROR'));
  } else if (status === 413) {
    const { limit } = error as { limit?: unknown };
    const bytes = typeof limit === 'number' ? limit : maxRequestBytes;
    response
      .status(status)
      .json(errorBody(request, 'PAYLOAD_TOO_LARGE', { limit: readableSize(bytes) }));
  } else {
    response.status(status).json(errorBody(request, 'BAD_REQUEST'));
  }
};

/** What no route answered: JSON like every other error, not Express's "Cannot GET" page. */
export const jsonNotFound: RequestHandler = (request, response) => {
  response.status(404).json(errorBody(request, 'NOT_FOUND'));
};
