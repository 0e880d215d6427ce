import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { authenticatePartnerKey, partnerKeyGrantOf } from '../partner-key/partner-key-auth.js';
import {
  BudgetSpent,
  takePartnerKeyBudget,
  type KeyBudgets,
} from '../partner-key/partner-key-budget.js';
import { looksLikePartnerKey } from '../partner-key/partner-key-secret.js';

/**
 * A town's machine key with the `phoneLine` scope, as its telephony provider presents it on the
 * phone line's webhooks (docs/partners/phone-webhook.md, "Connect with a machine key"): as a
 * bearer token, or as HTTP Basic credentials in the webhook's URL (the key as user name or as
 * password), which is what providers that only take a URL can send. Null: no key presented, the
 * request is left to the provider's signature.
 */
export function presentedPhoneLineKey(authorization: string | undefined): string | null {
  if (!authorization) return null;
  const [scheme, credentials = ''] = authorization.trim().split(/\s+/, 2);
  if (scheme?.toLowerCase() === 'bearer')
    return looksLikePartnerKey(credentials) ? credentials : null;
  if (scheme?.toLowerCase() !== 'basic') return null;
  const decoded = Buffer.from(credentials, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const parts = colon < 0 ? [decoded] : [decoded.slice(0, colon), decoded.slice(colon + 1)];
  return parts.find(looksLikePartnerKey) ?? null;
}

export type PhoneLineKeyCheck =
  /** The key's town answers this call; `budgets` for the response's headers. */
  | { readonly outcome: 'ok'; readonly keyId: string; readonly town: string; budgets: KeyBudgets }
  /** Unknown, revoked, wrong secret, or a key without the `phoneLine` scope: alike. */
  | { readonly outcome: 'refused' }
  | { readonly outcome: 'budgetSpent'; readonly error: BudgetSpent };

/**
 * Checks a presented key as the GraphQL API does (docs/security.md, "Machine keys"): counted in
 * its usage, revoked at once, one request and cost 1 from its budget per webhook.
 */
export async function checkPhoneLineKey(
  em: EntityManager,
  key: string,
  now: Date,
): Promise<PhoneLineKeyCheck> {
  const viewer = await authenticatePartnerKey(em, key, now);
  const grant = partnerKeyGrantOf(viewer);
  if (!viewer || !grant || !viewer.scopes?.has('phoneLine')) return { outcome: 'refused' };
  try {
    const budgets = await takePartnerKeyBudget(grant, 1, { em, now });
    return { outcome: 'ok', keyId: grant.keyId, town: grant.municipalityId, budgets };
  } catch (error) {
    if (error instanceof BudgetSpent) return { outcome: 'budgetSpent', error };
    throw error;
  }
}

/**
 * The stored id of a call that came in with a key: the provider's call id within that key, so a
 * key of another town that names the same CallSid starts a call of its own rather than joining
 * this one. Hashed to fit the column (64) and to keep the two kinds of ids apart.
 */
export function keyedCallId(keyId: string, callSid: string): string {
  return `key:${createHash('sha256').update(`${keyId}\n${callSid}`).digest('base64url')}`;
}
