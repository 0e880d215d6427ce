import type { Request, Response } from 'express';
import { Histogram } from 'prom-client';
import { latencyBuckets } from './operation-metrics.js';
import { registry } from './metrics.js';

const httpSeconds = new Histogram({
  name: 'parkeer_http_request_duration_seconds',
  help: 'HTTP requests answered, by method, route and status, and how long they took.',
  labelNames: ['method', 'route', 'status'],
  buckets: [...latencyBuckets],
  registers: [registry],
});

const methods = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/**
 * The route as the app declares it (`/documents/:id`, `/graphql`), never the path asked: paths
 * carry ids and anyone can send any number of them. A request no route answered is `static`
 * (the web app's files) when found, else `unmatched`.
 */
function routeOf(request: Request, response: Response): string {
  const route = (request as { route?: { path?: unknown } }).route?.path;
  if (typeof route === 'string') return `${request.baseUrl}${route}`;
  if (request.baseUrl) return request.baseUrl;
  return response.statusCode === 404 ? 'unmatched' : 'static';
}

/** One answered HTTP request (called when its answer is sent, with the time it took). */
export function recordHttpRequest(request: Request, response: Response, ms: number): void {
  httpSeconds.observe(
    {
      method: methods.has(request.method) ? request.method : 'other',
      route: routeOf(request, response),
      status: String(response.statusCode),
    },
    ms / 1000,
  );
}
