import type { Request, Response } from 'express';
import type { Language } from '@parkeer/shared/language';
import { logger } from '../logging/logger.js';
import { AppError } from './app-error.js';
import { languageFromHeader } from '../http/accept-language.js';
import { formatError } from './error-formatting.js';

/**
 * The answer to a GraphQL request that ran out of time: TIMEOUT as any GraphQL error (code and
 * both messages), in the language the browser asks for. 503: a proxy or client may try another
 * instance, and nothing of the request is committed after this answer.
 */
export function answerTimeout(request: Request, response: Response): void {
  logger.warn('request timed out');
  const error = formatError({ message: 'TIMEOUT' }, new AppError('TIMEOUT'));
  const messages = error.extensions?.messages as Record<Language, string>;
  const language = languageFromHeader(request.headers['accept-language']);
  response.status(503).json({ errors: [{ ...error, message: messages[language] }] });
}
