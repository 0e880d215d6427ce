import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { isAllowedWebhookAddress } from './webhook-address.js';

export interface WebhookRequest {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** Sends one webhook; answers the endpoint's status, throws when no answer came. */
export type WebhookSender = (request: WebhookRequest) => Promise<number>;

/** An address the name resolved to that webhooks must not reach (webhook-address.ts). */
export class RefusedAddressError extends Error {
  constructor() {
    super('the endpoint resolves to an address webhooks may not reach');
  }
}

/**
 * Resolves as node does, then refuses the whole name when any address it gave is internal: the
 * connection goes to the address checked here, so a name that resolves elsewhere the second time
 * (DNS rebinding) cannot slip past.
 */
function checkedLookup(production: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 4);
      const refused = addresses.some(
        ({ address }) => !isAllowedWebhookAddress(address, production),
      );
      if (refused || addresses.length === 0) return callback(new RefusedAddressError(), '', 4);
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

/**
 * POSTs over node's http(s) with the address check and a deadline for the whole exchange; the
 * answer's body is read and dropped (the status is all that counts). No redirects are followed.
 */
export function httpWebhookSender(options: {
  production: boolean;
  timeoutMs: number;
}): WebhookSender {
  return (request) =>
    new Promise<number>((resolve, reject) => {
      const url = new URL(request.url);
      // An address in the URL is not looked up: checked here instead.
      const literal = url.hostname.replace(/^\[(.*)\]$/, '$1');
      if (isIP(literal) !== 0 && !isAllowedWebhookAddress(literal, options.production)) {
        reject(new RefusedAddressError());
        return;
      }
      const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
      const outgoing = send(
        url,
        {
          method: 'POST',
          headers: {
            ...request.headers,
            'content-type': 'application/json',
            'content-length': String(Buffer.byteLength(request.body)),
            'user-agent': 'Parkeer-Webhooks/1',
          },
          lookup: checkedLookup(options.production),
          timeout: options.timeoutMs,
        },
        (response) => {
          response.on('data', () => {});
          response.on('end', () => {
            clearTimeout(deadline);
            resolve(response.statusCode ?? 0);
          });
          response.on('error', (error) => {
            clearTimeout(deadline);
            reject(error);
          });
        },
      );
      // `timeout` is for an idle socket; this one ends a slow trickle too.
      const deadline = setTimeout(
        () => outgoing.destroy(new Error(`no answer within ${options.timeoutMs} ms`)),
        options.timeoutMs,
      );
      outgoing.on('timeout', () =>
        outgoing.destroy(new Error(`no answer within ${options.timeoutMs} ms`)),
      );
      outgoing.on('error', (error) => {
        clearTimeout(deadline);
        reject(error);
      });
      outgoing.end(request.body);
    });
}
