import { pino, stdSerializers } from 'pino';

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
});
