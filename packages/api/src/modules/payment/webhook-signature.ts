import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { logger } from '../../logging/logger.js';

/** The header that carries `sha256=<hex HMAC of the raw body>` on a payment webhook. */
export const signatureHeader = 'x-parkeer-signature';

let processSecret: string | undefined;

/**
 * The shared secret of webhook signatures: PAYMENT_WEBHOOK_SECRET. Production without it gets
 * null: payments are off (checkouts refused, webhooks rejected) while the rest of the API works.
 * Development makes up a random secret for this process, which means two API processes behind
 * one address reject each other's webhooks (set the variable for that).
 */
export function webhookSecret(): string | null {
  const configured = process.env.PAYMENT_WEBHOOK_SECRET;
  if (configured) return configured;
  if (process.env.NODE_ENV === 'production') return null;
  if (!processSecret) {
    processSecret = randomBytes(32).toString('hex');
    logger.warn(
      'PAYMENT_WEBHOOK_SECRET is not set: payment webhooks are signed with a random secret of ' +
        'this process only; a second API process would reject them.',
    );
  }
  return processSecret;
}

function requiredSecret(): string {
  const secret = webhookSecret();
  if (!secret) throw new Error('PAYMENT_WEBHOOK_SECRET is not set: payments are off');
  return secret;
}

export function signWebhookBody(rawBody: Buffer | string, secret = requiredSecret()): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

/** Whether the request carries the signature of exactly this body; constant-time comparison. */
export function hasValidSignature(
  rawBody: Buffer,
  headers: IncomingHttpHeaders,
  secret = webhookSecret(),
): boolean {
  if (!secret) return false;
  const given = headers[signatureHeader];
  if (typeof given !== 'string') return false;
  const expected = Buffer.from(signWebhookBody(rawBody, secret));
  const actual = Buffer.from(given);
  // timingSafeEqual needs equal lengths; the length of a well-formed signature is no secret.
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
