import { BlockList, isIP } from 'node:net';

/**
 * Where webhooks may go (docs/security.md, "Webhooks"): an endpoint the platform admin types in
 * is fetched by the server, so in production it must be https and must not reach the server's
 * own network (SSRF): loopback, private, link-local (cloud metadata) and unique-local addresses
 * are refused, checked on the address the name resolves to at each attempt. Outside production a
 * receiver on this machine (http on loopback) is allowed, for demos and tests.
 */
const internal = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const) {
  internal.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  internal.addSubnet(network, prefix, 'ipv6');
}

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

/** Whether a resolved address may be sent to. */
export function isAllowedWebhookAddress(address: string, production: boolean): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  const type = family === 4 ? 'ipv4' : 'ipv6';
  // An IPv4 address written as IPv6 (::ffff:10.0.0.1) is judged as the IPv4 address.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return isAllowedWebhookAddress(mapped, production);
  if (!production && loopback.check(address, type)) return true;
  return !internal.check(address, type);
}

/** Whether an endpoint URL may be saved: its form, and its host when that is an address. */
export function isAllowedWebhookUrl(text: string, production: boolean): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  if (url.username || url.password || url.hash || text.length > 500) return false;
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (url.protocol === 'http:') {
    return (
      !production &&
      (host === 'localhost' ||
        (isIP(host) !== 0 && loopback.check(host, isIP(host) === 4 ? 'ipv4' : 'ipv6')))
    );
  }
  if (url.protocol !== 'https:') return false;
  if (host === 'localhost' || host.endsWith('.localhost')) return !production;
  return isIP(host) === 0 || isAllowedWebhookAddress(host, production);
}
