import { STATUS_CODES, type IncomingMessage, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocketServer } from 'ws';
import type { Config } from '../../config/config.js';
import { clientAddressOf } from '../../http/client-address.js';
import { logger } from '../../logging/logger.js';
import { webSocketConnections } from '../../observability/live-metrics.js';

/** graphql-ws's convention for "too many" (its clients do not reconnect after it). */
export const tooManyConnectionsCloseCode = 4429;

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Which browser pages may open a WebSocket: the app's own origin (PUBLIC_URL) and the partner
 * origins of ALLOWED_ORIGINS. A cookie rides along with every WebSocket a page opens, whatever
 * the page, so without this check any site could listen in with a resident's login. Outside
 * production any loopback origin may too: the Vite dev server proxies from another port.
 */
export function originAllowList(
  settings: Pick<Config, 'PUBLIC_URL' | 'ALLOWED_ORIGINS' | 'production'>,
): (origin: string) => boolean {
  const allowed = new Set(
    [settings.PUBLIC_URL, ...settings.ALLOWED_ORIGINS].map((url) => new URL(url).origin),
  );
  return (origin) => {
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      // Includes `null`, the origin of sandboxed frames and local files.
      return false;
    }
    return allowed.has(url.origin) || (!settings.production && loopbackHosts.has(url.hostname));
  };
}

function pathOf(request: IncomingMessage): string | null {
  try {
    return new URL(request.url ?? '/', 'http://localhost').pathname;
  } catch {
    return null;
  }
}

/** Answers an upgrade request with an HTTP status instead of a WebSocket. */
function refuse(socket: Duplex, status: number): void {
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\n\r\n`);
}

/**
 * Lets WebSockets in on `path` only, from allowed origins (requests without an Origin are not
 * from a browser: partner servers, tests) and at most `maxConnectionsPerClient` at a time from
 * one client address. A connection over the limit is accepted and closed at once with 4429, so
 * the client learns why. Returns the function that stops listening for upgrades.
 */
export function gateWebSockets(options: {
  httpServer: Server;
  wsServer: WebSocketServer;
  path: string;
  isAllowedOrigin: (origin: string) => boolean;
  maxConnectionsPerClient: number;
}): () => void {
  const { wsServer, maxConnectionsPerClient } = options;
  const open = new Map<string, number>();
  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    // An 'upgrade' listener that throws takes the process down, so a request target the URL
    // parser refuses (`GET http://[ HTTP/1.1` gets through Node's HTTP parser) is a plain 404.
    if (pathOf(request) !== options.path) return refuse(socket, 404);
    const origin = request.headers.origin;
    if (origin !== undefined && !options.isAllowedOrigin(origin)) return refuse(socket, 403);
    const client = clientAddressOf(request);
    wsServer.handleUpgrade(request, socket, head, (ws) => {
      const count = open.get(client) ?? 0;
      if (count >= maxConnectionsPerClient) {
        ws.close(tooManyConnectionsCloseCode, 'Too many connections');
        return;
      }
      open.set(client, count + 1);
      webSocketConnections.inc();
      ws.once('close', () => {
        webSocketConnections.dec();
        const left = (open.get(client) ?? 1) - 1;
        if (left > 0) open.set(client, left);
        else open.delete(client);
      });
      wsServer.emit('connection', ws, request);
      // A client's protocol error (a message over maxPayload, invalid UTF-8): ws has closed the
      // connection with the fitting code already. graphql-ws would print it with its stack to
      // stderr, once per attempt of whoever sends them.
      ws.removeAllListeners('error');
      ws.on('error', (error: Error & { code?: string }) =>
        logger.info({ code: error.code }, 'WebSocket closed for a protocol error'),
      );
    });
  };
  options.httpServer.on('upgrade', onUpgrade);
  return () => options.httpServer.off('upgrade', onUpgrade);
}
