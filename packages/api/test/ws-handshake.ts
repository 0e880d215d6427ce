import WebSocket from 'ws';

/** How a WebSocket to the API ended up: refused at upgrade, closed by the server, or accepted. */
export type Handshake =
  | { readonly kind: 'refused'; readonly status: number }
  | { readonly kind: 'closed'; readonly code: number }
  | { readonly kind: 'acknowledged'; readonly socket: WebSocket };

/**
 * Opens a graphql-ws connection by hand (its client hides close codes behind retries) and sends
 * `connection_init` with `params`; resolves with what the server made of it.
 */
export function handshake(
  url: string,
  options: {
    origin?: string;
    headers?: Record<string, string>;
    params?: Record<string, unknown>;
  } = {},
): Promise<Handshake> {
  const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws', {
    ...(options.origin ? { origin: options.origin } : {}),
    headers: options.headers ?? {},
  });
  return new Promise((resolve, reject) => {
    socket.once('unexpected-response', (request, response) => {
      request.destroy();
      resolve({ kind: 'refused', status: response.statusCode ?? 0 });
    });
    socket.once('open', () =>
      socket.send(JSON.stringify({ type: 'connection_init', payload: options.params ?? {} })),
    );
    socket.on('message', (data) => {
      if ((JSON.parse(String(data)) as { type: string }).type === 'connection_ack') {
        resolve({ kind: 'acknowledged', socket });
      }
    });
    socket.once('close', (code) => resolve({ kind: 'closed', code }));
    socket.once('error', reject);
  });
}

/** Closes an accepted connection and waits until it is closed. */
export async function closeSocket(socket: WebSocket): Promise<void> {
  if (socket.readyState === WebSocket.CLOSED) return;
  await new Promise<void>((resolve) => {
    socket.once('close', () => resolve());
    socket.close();
  });
}
