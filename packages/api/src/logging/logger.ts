import { pino, stdSerializers } from 'pino';
import { requestLogFields } from './request-id.js';

/**
 * The API's structured log: one JSON object a line on stdout, for whatever collects it. Never
 * log plates, e-mail addresses or tokens; say what happened and name ids instead. Quiet under
 * tests unless LOG_LEVEL asks otherwise.
 */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info'),
  base: { service: 'parkeer-api' },
  // Errors keep their type, message and stack under `err`.
  serializers: { err: stdSerializers.err },
  // A line written while serving an HTTP request names it (`requestId`).
  mixin: requestLogFields,
});

/**
 * One line per HTTP request: at `info` when it failed (4xx/5xx) or took over a second, else at
 * `debug` (LOG_LEVEL=debug shows them all). The path without its query: a link's token must not
 * reach the log.
 */
export function logRequest(
  requestId: string,
  request: { method: string; path: string },
  response: { statusCode: number },
  ms: number,
  log: Pick<typeof logger, 'info' | 'debug'> = logger,
): void {
  const line = {
    requestId,
    method: request.method,
    path: request.path,
    status: response.statusCode,
    ms: Math.round(ms),
  };
  if (response.statusCode >= 400 || ms > 1000) log.info(line, 'request');
  else log.debug(line, 'request');
}
