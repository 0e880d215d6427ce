import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { redactedPaths, scrubbedErrorSerializer, scrubText } from './log-scrubbing.js';
import { requestLogFields } from './request-id.js';
import { traceLogFields } from './trace-fields.js';

/** The log's settings; tests build a logger with them that writes where they can read it. */
export const logOptions: LoggerOptions = {
  level: process.env.LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info'),
  base: { service: 'parkeer-api' },
  // Errors keep their type, message, stack and fields under `err`, minus the data they quote.
  serializers: { err: scrubbedErrorSerializer },
  // Personal values in what is logged are replaced; the line itself stays.
  redact: { paths: redactedPaths, censor: '[redacted]' },
  hooks: {
    // A message text may quote an address or a statement too, and pino makes a lone error's
    // message the line's message.
    logMethod(args, method) {
      const [first, ...rest] = args as unknown[];
      const texts = rest.map((arg) => (typeof arg === 'string' ? scrubText(arg) : arg));
      const line =
        first instanceof Error
          ? [{ err: first }, ...(texts.length > 0 ? texts : [scrubText(first.message)])]
          : [typeof first === 'string' ? scrubText(first) : first, ...texts];
      method.apply(this, line as Parameters<typeof method>);
    },
  },
  // A line written while serving an HTTP request names it (`requestId`), and with tracing on
  // the active trace and span (`trace_id`, `span_id`).
  mixin: () => ({ ...requestLogFields(), ...traceLogFields() }),
};

export function createLogger(destination?: DestinationStream): Logger {
  return destination ? pino(logOptions, destination) : pino(logOptions);
}

/**
 * The API's structured log: one JSON object a line on stdout, for whatever collects it. Never
 * log plates, e-mail addresses or tokens; say what happened and name ids instead (what slips
 * through is redacted or scrubbed, see log-scrubbing.ts). Quiet under tests unless LOG_LEVEL
 * asks otherwise.
 */
export const logger = createLogger();

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
