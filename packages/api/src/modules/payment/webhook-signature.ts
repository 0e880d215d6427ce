import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { config } from '../../config/config.js';
import { logger } from '../../logging/logger.js';

/** The header that carries `sha256=<hex HMAC of the raw body>` on a payment webhook. */
export const signatureHeader = 'x-parkeer-signature';

let processSecret: string | undefined;

/**
 * The shared secret of the simulated bank's webhook signatures: PAYMENT_WEBHOOK_SECRET, else a
 * random secret of this process, which means two API processes behind one address reject each
 * other's webhooks (set the variable for that). The simulated bank runs only in development and
 * demo mode (`config()` refuses it in production).
 */
export function webhookSecret(): string {
  const configured = config().PAYMENT_WEBHOOK_SECRET;
  if (configured) return configured;
  if (!processSecret) {
    processSecret = randomBytes(32).toString('hex');
    logger.warn(
      'PAYMENT_WEBHOOK_SECRET is not set: payment webhooks are signed with a random secret of ' +
        'this process only; a second API process would reject them.',
    );
  }
  return processSecret;
}

export function signWebhookBody(rawBody: Buffer | string, secret = webhookSecret()): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

/** Whether the request carries the signature of exactly this body; constant-time comparison. */
export function hasValidSignature(
  rawBody: Buffer,
  headers: IncomingHttpHeaders,
  secret = webhookSecret(),
): boolean {
  const given = headers[signatureHeader];
  if (typeof given !== 'string') return false;
  const expected = Buffer.from(signWebhookBody(rawBody, secret));
  const actual = Buffer.from(given);
  // timingSafeEqual needs equal lengths; the length of a well-formed signature is no secret.
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
