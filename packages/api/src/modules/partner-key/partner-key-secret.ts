import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A machine key as the partner holds it: `pk_` + the key's id (32 hex digits, the UUID without
 * dashes) + `_` + 43 characters of secret (32 random bytes, base64url). The id makes the lookup
 * one read by primary key; the prefix lets secret scanners and log scrubbing recognise it.
 */
export const partnerKeyPrefix = 'pk_';
const keyPattern = /^pk_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;

/** Whether a bearer credential is shaped like a machine key (then nothing else is tried). */
export function looksLikePartnerKey(token: string): boolean {
  return token.startsWith(partnerKeyPrefix);
}

const uuidOf = (hex: string) =>
  `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;

/** The key id and secret of a presented key, or null when it is not shaped like one. */
export function parsePartnerKey(token: string): { keyId: string; secret: string } | null {
  const match = keyPattern.exec(token);
  return match ? { keyId: uuidOf(match[1]!), secret: match[2]! } : null;
}

/** A new secret for a key, the whole key to hand out once, and the hash to store. */
export function newPartnerKeySecret(keyId: string): { key: string; secretHash: string } {
  const secret = randomBytes(32).toString('base64url');
  return {
    key: `${partnerKeyPrefix}${keyId.replaceAll('-', '')}_${secret}`,
    secretHash: hashPartnerKeySecret(secret),
  };
}

/** SHA-256: the secret has 256 random bits, so a slow password hash would add nothing. */
export function hashPartnerKeySecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Compares a secret with a stored hash in constant time. */
export function secretMatches(secret: string, storedHash: string | null | undefined): boolean {
  if (!storedHash) return false;
  const presented = Buffer.from(hashPartnerKeySecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return stored.length === presented.length && timingSafeEqual(presented, stored);
}
