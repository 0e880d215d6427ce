import { createServer, connect, type AddressInfo, type Socket } from 'node:net';

/** A TCP proxy on loopback that a test can turn into a server that never answers. */
export interface TcpProxy {
  /** Where clients connect instead of the target. */
  readonly port: number;
  /** As a server that went away: open connections are reset, new ones never answered. */
  cut(): void;
  /** As a network that stopped carrying: open connections and new ones go silent. */
  silence(): void;
  /** Forwards new connections again. */
  restore(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let forwarding = true;
  const sockets = new Set<Socket>();
  const links = new Set<{ client: Socket; upstream: Socket }>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const server = createServer((client) => {
    track(client);
    // Accepted, read and never answered.
    if (!forwarding) return void client.resume();
    const upstream = connect(target.port, target.host);
    track(upstream);
    const link = { client, upstream };
    links.add(link);
    client.pipe(upstream).pipe(client);
    const end = () => {
      links.delete(link);
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end);
    upstream.on('close', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    cut() {
      forwarding = false;
      for (const socket of sockets) socket.destroy();
    },
    silence() {
      forwarding = false;
      for (const { client, upstream } of links) {
        client.unpipe(upstream);
        upstream.unpipe(client);
        client.resume();
        upstream.resume();
      }
    },
    restore() {
      forwarding = true;
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
