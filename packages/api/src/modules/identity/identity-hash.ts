import { createHmac } from 'node:crypto';
import { config } from '../../config/config.js';
import type { IdentifierKind } from '../../model/identity-link.entity.js';

/**
 * Demo mode and tests only: production refuses to start without IDENTITY_HASH_KEY (config.ts),
 * so no real BSN is ever hashed with a key that is published here.
 */
export const demoIdentityKey = 'parkeer-demo-identity-hash-key--not-for-production';

/**
 * The match key of a BSN or KvK number (docs/security.md §Identity): HMAC-SHA256 with a secret
 * key, so the 9-digit BSN space cannot be hashed through by whoever reads the table.
 */
export function identifierHash(kind: IdentifierKind, identifier: string): string {
  const key = config().IDENTITY_HASH_KEY ?? demoIdentityKey;
  return createHmac('sha256', key).update(`${kind}:${identifier}`).digest('hex');
}

/** A BSN: 9 digits passing the eleven test (the 11-proef; 8 digits get a leading zero). */
export function normaliseBsn(value: string): string | null {
  const digits = value.trim().replace(/^s\d{8}:/i, '');
  if (!/^\d{8,9}$/.test(digits)) return null;
  const bsn = digits.padStart(9, '0');
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(bsn[i]) * (9 - i);
  sum -= Number(bsn[8]);
  return sum % 11 === 0 && bsn !== '000000000' ? bsn : null;
}

/** A KvK number: 8 digits. */
export function normaliseKvk(value: string): string | null {
  const digits = value.trim();
  return /^\d{8}$/.test(digits) ? digits : null;
}
