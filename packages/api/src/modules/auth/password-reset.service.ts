import type { EntityManager } from '@mikro-orm/core';
import { AppError } from '../../graphql/app-error.js';
import { Account } from '../../model/account.entity.js';
import { passwordResetMail } from '../mail/mail-templates.js';
import { queueMail } from '../mail/mail-outbox.js';
import { attemptLimits } from '../rate-limit/attempt-limits.js';
import { AuthSession } from '../../model/auth-session.entity.js';
import { normaliseEmail, forgetCachedLogins } from './auth.service.js';
import {
  emailLinkLifetime,
  issueEmailToken,
  markEmailTokenUsed,
  publicAppUrl,
  usableEmailToken,
} from './email-link.js';
import { EmailToken } from '../../model/email-token.entity.js';
import { hashSecret } from './password-hash.js';
import { assertNewPassword } from './password-rules.js';
import type { Viewer } from '../../graphql/viewer.js';

/** The longest address the columns hold; anything longer cannot be an account. */
const emailMaxLength = 254;

export class PasswordResetService {
  constructor(private readonly em: EntityManager) {}

  /**
   * Mails a reset link when the address is an account's and within its limit (see
   * limit-policies.ts). Answers the same in every case, so the caller learns nothing about who
   * has an account; only a client that asks too often is told RATE_LIMITED.
   */
  async request(email: string, now: Date, clientAddress: string): Promise<void> {
    const scope = { em: this.em, now };
    await attemptLimits().take('passwordReset', [{ kind: 'address', id: clientAddress }], scope);
    const address = normaliseEmail(email);
    if (!address.includes('@') || address.length > emailMaxLength) return;
    // Counted before the transaction, atomically: requests sent at once cannot all slip under
    // the limit, and a count outlives a transaction that fails.
    const mailable = await attemptLimits()
      .take('passwordReset', [{ kind: 'email', id: address }], scope)
      .then(
        () => true,
        (error: unknown) => {
          if (error instanceof AppError && error.code === 'RATE_LIMITED') return false;
          throw error;
        },
      );
    if (!mailable) return;
    await this.em.transactional(async (tx) => {
      const account = await tx.findOne(Account, { email: address });
      if (!account) return;
      const token = issueEmailToken(tx, { purpose: 'passwordReset', email: address, account }, now);
      const mail = passwordResetMail(account.language, {
        link: `${publicAppUrl()}/wachtwoord-herstellen?token=${encodeURIComponent(token)}`,
        validMinutes: Math.round(emailLinkLifetime.passwordReset / 60_000),
      });
      queueMail(tx, { to: address, ...mail }, now);
      // Token and mail are flushed together when the transaction commits.
    });
  }

  /**
   * Whether a reset link can still be used, asked when its page opens so a resident does not
   * choose a password for a dead link first: LINK_INVALID, LINK_EXPIRED or LINK_ALREADY_USED
   * otherwise. Uses nothing up; limited per client like the rest of the ways in.
   */
  async checkLink(token: string, now: Date, clientAddress: string): Promise<void> {
    await attemptLimits().take('passwordResetLink', [{ kind: 'address', id: clientAddress }], {
      em: this.em,
      now,
    });
    const link = await usableEmailToken(this.em, token, 'passwordReset', now);
    if (!link.account) throw new AppError('LINK_INVALID');
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
      assertNewPassword(password, passwordRepeat, account.email ?? '');
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
