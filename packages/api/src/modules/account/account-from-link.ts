import type { EntityManager } from '@mikro-orm/core';
import type { Language } from '@parkeer/shared/language';
import { AppError } from '../../graphql/app-error.js';
import { hashSecret, verifySecret } from '../auth/password-hash.js';
import { assertNewPassword } from '../auth/password-rules.js';
import { attemptLimits } from '../rate-limit/attempt-limits.js';
import { Account, holderRoles, type Role } from '../../model/account.entity.js';

export interface LinkCredentials {
  readonly password: string;
  readonly passwordRepeat?: string | null;
}

/**
 * The account an e-mailed link (coupling, delegation) is for (docs/rules.md §6, §7): an existing account
 * confirms with its password; otherwise the password is set twice, on a new account or on one
 * made without a password. Runs inside the caller's transaction.
 */
export async function accountForLink(
  tx: EntityManager,
  email: string,
  credentials: LinkCredentials,
  newAccount: { role: Role; language: Language },
): Promise<Account> {
  const existing = await tx.findOne(Account, { email }, { populate: ['passwordHash'] });
  if (existing?.passwordHash) {
    if (!(await verifySecret(existing.passwordHash, credentials.password))) {
      throw new AppError('LOGIN_FAILED');
    }
  } else {
    assertNewPassword(credentials.password, credentials.passwordRepeat, email);
  }
  if (existing && !holderRoles.includes(existing.role)) throw new AppError('FORBIDDEN');
  const account = existing ?? tx.create(Account, { email, ...newAccount });
  if (!existing?.passwordHash) account.passwordHash = await hashSecret(credentials.password);
  await tx.flush();
  return account;
}

/**
 * Runs `work`, which accepts a link for `email`. When that address's account has a password,
 * the link confirms with it, which is a login: the login limits count it (per address typed and
 * per client) like one, so a link is no way around them. Call it outside a transaction.
 */
export async function withLinkLoginLimits<T>(
  em: EntityManager,
  link: { readonly email: string; readonly clientAddress: string; readonly now: Date },
  work: () => Promise<T>,
): Promise<T> {
  const confirmsPassword =
    (await em.count(Account, { email: link.email, passwordHash: { $ne: null } })) > 0;
  if (!confirmsPassword) return work();
  const attempt = await attemptLimits().take(
    'login',
    [
      { kind: 'account', id: link.email },
      { kind: 'address', id: link.clientAddress },
    ],
    { em, now: link.now },
  );
  try {
    const result = await work();
    await attempt.succeeded(['account']);
    return result;
  } catch (error) {
    // Only a wrong password counts; a link refused for another reason was no guess.
    if (!(error instanceof AppError && error.code === 'LOGIN_FAILED')) await attempt.giveBack();
    throw error;
  }
}
