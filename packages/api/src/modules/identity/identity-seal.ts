import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { config } from '../../config/config.js';
import { demoIdentityKey } from './identity-hash.js';

/**
 * docs/security.md §Identity: the BSN is kept sealed (AES-256-GCM) so that the population
 * register can be asked by it later (at application time, in the periodic re-check of a move).
 * The key is derived from IDENTITY_HASH_KEY with its own HKDF label, so it is never the hash's
 * key; each seal has a random IV. Stored as base64 of IV (12) + tag (16) + ciphertext.
 */
const identityLabel = 'parkeer/identity-link/subject-sealed/v1';

/** Each kind of sealed value has its own label, so its own key. */
function sealKey(label: string): Buffer {
  const secret = config().IDENTITY_HASH_KEY ?? demoIdentityKey;
  return Buffer.from(hkdfSync('sha256', secret, 'parkeer-identity-seal', label, 32));
}

/** Seals `text` under the key of `label` (another label's key cannot open it). */
export function sealText(label: string, text: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealKey(label), iv);
  const sealed = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64');
}

/** The text, or null when the seal was made with another key or was altered. */
export function unsealText(label: string, sealed: string): string | null {
  try {
    const bytes = Buffer.from(sealed, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', sealKey(label), bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

export const sealIdentifier = (identifier: string): string => sealText(identityLabel, identifier);

/** The identifier, or null when the seal was made with another key or was altered. */
export const unsealIdentifier = (sealed: string): string | null =>
  unsealText(identityLabel, sealed);
