import { Gauge } from 'prom-client';
import { gauge, registry } from './metrics.js';

/** WebSocket connections this instance holds (counted by the gate that accepts them). */
export const webSocketConnections = new Gauge({
  name: 'parkeer_websocket_connections',
  help: 'WebSocket connections open on this instance.',
  registers: [registry],
});

/** graphql-ws's context of a connection: its `subscriptions` are the operations running on it. */
interface LiveConnection {
  readonly subscriptions: Readonly<Record<string, unknown>>;
}

const connections = new Set<LiveConnection>();

/** From graphql-ws's onConnect until its onClose. */
export function trackLiveConnection(connection: LiveConnection): void {
  connections.add(connection);
}

export function forgetLiveConnection(connection: LiveConnection): void {
  connections.delete(connection);
}

gauge(
  'parkeer_graphql_subscriptions_active',
  'GraphQL subscriptions running on this instance, over all its WebSocket connections.',
  () => {
    let count = 0;
    for (const connection of connections) count += Object.keys(connection.subscriptions).length;
    return count;
  },
);
