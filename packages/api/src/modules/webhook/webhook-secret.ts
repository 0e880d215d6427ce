import { sealText, unsealText } from '../identity/identity-seal.js';

/**
 * A subscription's signing secret is kept sealed (AES-256-GCM) under a key derived from
 * IDENTITY_HASH_KEY with a label of its own (docs/security.md, "Webhooks"): the server needs the
 * secret itself to sign, so a hash would not do, and a copy of the database alone cannot sign.
 */
const label = 'parkeer/webhook-subscription/secret/v1';

export const sealWebhookSecret = (secret: string): string => sealText(label, secret);

export function openWebhookSecret(sealed: string): string {
  const secret = unsealText(label, sealed);
  // Only when IDENTITY_HASH_KEY changed: rotating the secret makes a new one under the new key.
  if (secret === null) throw new Error('the signing secret cannot be opened: rotate it');
  return secret;
}
