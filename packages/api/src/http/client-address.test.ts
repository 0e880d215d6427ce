import { Socket } from 'node:net';
import { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddressOf } from './client-address.js';

function request(peer: string, forwardedFor?: string): IncomingMessage {
  const socket = new Socket();
  Object.defineProperty(socket, 'remoteAddress', { value: peer });
  const message = new IncomingMessage(socket);
  if (forwardedFor) message.headers['x-forwarded-for'] = forwardedFor;
  return message;
}

describe('the client address', () => {
  it('is the socket peer unless a proxy is trusted: a forged header counts for nothing', () => {
    expect(clientAddressOf(request('203.0.113.9', '198.51.100.1'), false)).toBe('203.0.113.9');
  });

  it('is what the trusted proxy received it from', () => {
    const behindProxy = request('127.0.0.1', '198.51.100.1, 198.51.100.7');
    expect(clientAddressOf(behindProxy, ['loopback'])).toBe('198.51.100.7');
    expect(clientAddressOf(behindProxy, 1)).toBe('198.51.100.7');
    expect(clientAddressOf(behindProxy, true)).toBe('198.51.100.1');
    // A peer that is not the trusted proxy is the client itself, whatever it claims.
    expect(clientAddressOf(request('203.0.113.9', '198.51.100.1'), ['loopback'])).toBe(
      '203.0.113.9',
    );
  });

  it('counts an IPv4 client of a dual-stack socket by its IPv4 address', () => {
    expect(clientAddressOf(request('::ffff:203.0.113.9'), false)).toBe('203.0.113.9');
  });
});
