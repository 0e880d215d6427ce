import { connect, createServer, type AddressInfo, type Socket } from 'node:net';

/**
 * A load balancer on loopback, as the proxy of compose.yaml is one: each new TCP connection goes
 * to the target with the fewest open connections (ties in turn), so a WebSocket held open on one
 * instance sends the next requests to the other. It records where each connection went.
 */
export interface BalancingProxy {
  readonly port: number;
  /** The target index of every connection so far, in the order they came. */
  readonly routed: readonly number[];
  /** Open connections per target. */
  open(target: number): number;
  close(): Promise<void>;
}

export async function startBalancingProxy(
  targets: readonly { host: string; port: number }[],
): Promise<BalancingProxy> {
  const openCounts = targets.map(() => 0);
  const routed: number[] = [];
  const sockets = new Set<Socket>();
  let turn = 0;
  const pick = () => {
    const fewest = Math.min(...openCounts);
    for (let i = 0; i < targets.length; i++) {
      const candidate = (turn + i) % targets.length;
      if (openCounts[candidate] === fewest) {
        turn = candidate + 1;
        return candidate;
      }
    }
    throw new Error('no target');
  };
  const server = createServer((client) => {
    const target = pick();
    routed.push(target);
    openCounts[target]! += 1;
    const upstream = connect(targets[target]!.port, targets[target]!.host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => socket.destroy());
    }
    client.pipe(upstream).pipe(client);
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      openCounts[target]! -= 1;
      for (const socket of [client, upstream]) {
        socket.destroy();
        sockets.delete(socket);
      }
    };
    client.on('close', end);
    upstream.on('close', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    routed,
    open: (target) => openCounts[target] ?? 0,
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
