import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import { config } from '../config/config.js';
import { clientAddressOf } from '../http/client-address.js';
import { metricsContentType, metricsText } from './metrics.js';

const loopback = /^(127\.\d+\.\d+\.\d+|::1)$/;

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Whether a scraper may read the metrics: with METRICS_TOKEN, whoever sends it as a bearer;
 * without, only a client on this machine. A request a proxy forwarded is never "on this
 * machine", even when the proxy is: the proxy may be serving anyone.
 */
export function mayReadMetrics(request: IncomingMessage): boolean {
  const token = config().METRICS_TOKEN;
  if (token) {
    const bearer = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? '';
    return sameSecret(bearer, token);
  }
  if (request.headers['x-forwarded-for'] || request.headers.forwarded) return false;
  return loopback.test(clientAddressOf(request));
}

/** GET /metrics in Prometheus's text format; 404 to anyone else, as if there were none. */
export const metricsRoute: RequestHandler = async (req, res) => {
  if (!mayReadMetrics(req)) {
    res.status(404).end();
    return;
  }
  res.type(metricsContentType).send(await metricsText());
};
