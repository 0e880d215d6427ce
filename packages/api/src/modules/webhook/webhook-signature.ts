import { createHmac, randomBytes } from 'node:crypto';

/**
 * Signing as the Standard Webhooks specification has it (docs/partners/webhooks.md): the secret
 * is `whsec_` + base64 of random bytes; the signature is `v1,` + base64 of HMAC-SHA256, keyed
 * with those bytes, of `<webhook-id>.<webhook-timestamp>.<body>`.
 */
const prefix = 'whsec_';

/** A new secret: 32 random bytes (the specification asks for 24 to 64). */
export function newWebhookSecret(): string {
  return `${prefix}${randomBytes(32).toString('base64')}`;
}

function keyOf(secret: string): Buffer {
  return Buffer.from(secret.startsWith(prefix) ? secret.slice(prefix.length) : secret, 'base64');
}

/** The `webhook-signature` header's value for one message. */
export function signWebhook(
  secret: string,
  message: { id: string; timestamp: number; body: string },
): string {
  const signed = `${message.id}.${message.timestamp}.${message.body}`;
  return `v1,${createHmac('sha256', keyOf(secret)).update(signed).digest('base64')}`;
}
