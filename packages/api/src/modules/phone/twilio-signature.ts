import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { config } from '../../config/config.js';
import { logger } from '../../logging/logger.js';

/** The header Twilio signs every webhook with. */
export const twilioSignatureHeader = 'x-twilio-signature';

/**
 * Twilio's request signature: the full URL it called (scheme, host, path and query, as configured
 * at Twilio), then every POST parameter sorted by name as name + value without separators,
 * HMAC-SHA1 keyed by the account's auth token, in base64 (docs/operations.md §Phone line).
 */
export function twilioSignature(
  token: string,
  url: string,
  params: Readonly<Record<string, string>>,
): string {
  const data = Object.keys(params)
    .sort()
    .reduce((signed, name) => signed + name + params[name], url);
  return createHmac('sha1', token).update(data, 'utf8').digest('base64');
}

/** Whether `given` is the signature of this URL and these parameters; constant-time comparison. */
export function hasValidTwilioSignature(
  token: string,
  url: string,
  params: Readonly<Record<string, string>>,
  given: string | undefined,
): boolean {
  if (!given) return false;
  const expected = Buffer.from(twilioSignature(token, url, params));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

let processToken: string | undefined;

/**
 * The token webhooks are checked with: PHONE_WEBHOOK_TOKEN, or in development and demo mode a
 * random token of this process (the phone simulator signs with it); null in production without
 * one, where the line is off rather than unsigned.
 */
export function phoneWebhookToken(): string | null {
  const settings = config();
  if (settings.PHONE_WEBHOOK_TOKEN) return settings.PHONE_WEBHOOK_TOKEN;
  if (settings.production) return null;
  if (!processToken) {
    processToken = randomBytes(32).toString('hex');
    logger.warn(
      'PHONE_WEBHOOK_TOKEN is not set: the phone line accepts only requests signed by this ' +
        'process (the phone simulator); a telephony provider cannot reach it.',
    );
  }
  return processToken;
}
