import type { IncomingMessage } from 'node:http';
import proxyAddr from 'proxy-addr';
import { config, type Config } from '../config/config.js';

type Trust = ReturnType<typeof proxyAddr.compile> | ((address: string, hop: number) => boolean);

let compiled: { readonly setting: Config['TRUST_PROXY']; readonly trust: Trust } | undefined;

function trustOf(setting: Config['TRUST_PROXY']): Trust {
  if (compiled?.setting === setting) return compiled.trust;
  const trust: Trust =
    setting === true
      ? () => true
      : setting === false
        ? () => false
        : typeof setting === 'number'
          ? (_address, hop) => hop < setting
          : proxyAddr.compile(setting);
  compiled = { setting, trust };
  return trust;
}

/**
 * The address of the client behind a request: the socket's peer, or with `TRUST_PROXY` the
 * address the trusted proxies say they received it from. The same for HTTP requests and the
 * WebSocket upgrade request, so every per-client limit counts one client once on both paths.
 * Express's `req.ip` gives the same answer with `app.set('trust proxy', config().TRUST_PROXY)`.
 */
export function clientAddressOf(
  request: IncomingMessage,
  setting: Config['TRUST_PROXY'] = config().TRUST_PROXY,
): string {
  const address = proxyAddr(request, trustOf(setting));
  // IPv4 clients of a dual-stack socket arrive as ::ffff:a.b.c.d: count them as a.b.c.d.
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}
