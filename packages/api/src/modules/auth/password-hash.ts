import { randomBytes } from 'node:crypto';
import argon2 from 'argon2';

/** argon2id with the library's defaults (OWASP's recommended variant), for passwords and PINs. */
export function hashSecret(secret: string): Promise<string> {
  return argon2.hash(secret, { type: argon2.argon2id });
}

// Verifying against a real hash when there is nothing to verify against keeps a miss as slow as
// a hit, so timing does not tell whether an account or product code exists. Made on first use.
let decoyHash: Promise<string> | undefined;
const decoy = () => (decoyHash ??= hashSecret(randomBytes(16).toString('hex')));

/** Whether `secret` matches `hash`; a missing or malformed hash never matches (and takes as long). */
export async function verifySecret(
  hash: string | null | undefined,
  secret: string,
): Promise<boolean> {
  const valid = await argon2.verify(hash ?? (await decoy()), secret).catch(() => false);
  return Boolean(hash) && valid;
}
