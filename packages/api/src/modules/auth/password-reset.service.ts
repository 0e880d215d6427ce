import type { EntityManager } from '@mikro-orm/core';
import { AppError } from '../../graphql/app-error.js';
import { Account } from '../account/account.entity.js';
import { passwordResetMail } from '../mail/mail-templates.js';
import { queueMail } from '../mail/mail-outbox.js';
import { rateLimitWait, recordRateLimitHit, type RateLimit } from '../rate-limit/rate-limit.js';
import { AuthSession } from './auth-session.entity.js';
import { normaliseEmail, forgetCachedLogins } from './auth.service.js';
import {
  emailLinkLifetime,
  issueEmailToken,
  markEmailTokenUsed,
  publicAppUrl,
  usableEmailToken,
} from './email-link.js';
import { EmailToken } from './email-token.entity.js';
import { hashSecret } from './password-hash.js';
import { assertNewPassword } from './password-rules.js';
import type { Viewer } from './viewer.js';

/** Per address, so nobody can flood someone's mailbox with reset mails. */
export const passwordResetLimit: RateLimit = {
  bucket: 'passwordReset',
  max: 3,
  windowMs: 60 * 60_000,
};

/** The longest address the columns hold; anything longer cannot be an account. */
const emailMaxLength = 254;

export class PasswordResetService {
  constructor(private readonly em: EntityManager) {}

  /**
   * Mails a reset link when the address is an account's and the address is within its limit.
   * Answers the same in every case, so the caller learns nothing about who has an account.
   */
  async request(email: string, now: Date): Promise<void> {
    const address = normaliseEmail(email);
    if (!address.includes('@') || address.length > emailMaxLength) return;
    await this.em.transactional(async (tx) => {
      if ((await rateLimitWait(tx, passwordResetLimit, address, now)) > 0) return;
      await recordRateLimitHit(tx, passwordResetLimit, address, now);
      const account = await tx.findOne(Account, { email: address });
      if (!account) return;
      const token = issueEmailToken(tx, { purpose: 'passwordReset', email: address, account }, now);
      const mail = passwordResetMail(account.language, {
        link: `${publicAppUrl()}/wachtwoord-herstellen?token=${encodeURIComponent(token)}`,
        validMinutes: Math.round(emailLinkLifetime.passwordReset / 60_000),
      });
      queueMail(tx, { to: account.email, ...mail }, now);
      // Token, hit and mail are flushed together when the transaction commits.
    });
  }

  /**
   * Sets a new password with a reset link (once) and ends the account's other logins: whoever
   * knew the old password is out. Other reset links still open for the account stop working.
   */
  async reset(
    token: string,
    password: string,
    passwordRepeat: string,
    now: Date,
    viewer: Viewer | null,
  ): Promise<{ accountId: string; keptLogin: string | null }> {
    return this.em.transactional(async (tx) => {
      const link = await usableEmailToken(tx, token, 'passwordReset', now);
      const account = link.account;
      if (!account) throw new AppError('LINK_INVALID');
      assertNewPassword(password, passwordRepeat, account.email);
      // Hashed before the first write: SQLite holds its write lock from there to the commit.
      const passwordHash = await hashSecret(password);
      await markEmailTokenUsed(tx, link, now);
      account.passwordHash = passwordHash;
      await tx.nativeUpdate(
        EmailToken,
        { account: account.id, purpose: 'passwordReset', usedAt: null },
        { usedAt: now },
      );
      // A viewer resetting their own password from a logged-in browser stays logged in there.
      const keep = viewer?.accountId === account.id ? viewer.authSessionId : null;
      await tx.nativeDelete(AuthSession, {
        account: account.id,
        ...(keep ? { id: { $ne: keep } } : {}),
      });
      forgetCachedLogins(account.id);
      return { accountId: account.id, keptLogin: keep };
    });
  }
}
