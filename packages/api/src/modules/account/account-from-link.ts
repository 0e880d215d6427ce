import type { EntityManager } from '@mikro-orm/core';
import type { Language } from '@parkeer/shared/language';
import { AppError } from '../../graphql/app-error.js';
import { hashSecret, verifySecret } from '../auth/password-hash.js';
import { assertNewPassword } from '../auth/password-rules.js';
import { Account, holderRoles, type Role } from './account.entity.js';

export interface LinkCredentials {
  readonly password: string;
  readonly passwordRepeat?: string | null;
}

/**
 * The account an e-mailed link (coupling, delegation) is for (RULES §6, §7): an existing account
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
