import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { config } from '../../config/config.js';
import { AppError } from '../../graphql/app-error.js';
import type { Account } from '../../model/account.entity.js';
import type { Delegation } from '../../model/delegation.entity.js';
import type { Permit } from '../../model/permit.entity.js';
import { EmailToken, type EmailTokenPurpose } from '../../model/email-token.entity.js';

const hour = 60 * 60_000;

/** How long an e-mailed link works: a reset is urgent and risky, an invitation may wait a while. */
export const emailLinkLifetime: Record<EmailTokenPurpose, number> = {
  passwordReset: 1 * hour,
  coupling: 14 * 24 * hour,
  delegation: 7 * 24 * hour,
};

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** The base of links in e-mails: where residents open the web app. */
export function publicAppUrl(): string {
  return config().PUBLIC_URL;
}

export interface EmailLinkTarget {
  readonly purpose: EmailTokenPurpose;
  readonly email: string;
  readonly account?: Account | null;
  readonly permit?: Permit | null;
  readonly delegation?: Delegation | null;
}

/**
 * Makes the secret of a new e-mailed link, persisted in the caller's unit of work (flushed with
 * the change and the outbox mail). Returns the raw token, which is only ever in the mail.
 */
export function issueEmailToken(em: EntityManager, target: EmailLinkTarget, now: Date): string {
  const token = randomBytes(32).toString('base64url');
  em.create(EmailToken, {
    tokenHash: hashOf(token),
    purpose: target.purpose,
    email: target.email,
    account: target.account ?? null,
    permit: target.permit ?? null,
    delegation: target.delegation ?? null,
    expiresAt: new Date(now.getTime() + emailLinkLifetime[target.purpose]),
  });
  return token;
}

/**
 * The token behind a link, if it may still be used for `purpose`. The caller marks it used
 * (`usedAt = now`) in the same flush as the change it allows; `usedAt` is checked again there so
 * two clicks at once cannot both succeed (see `markEmailTokenUsed`).
 */
export async function usableEmailToken(
  em: EntityManager,
  token: string,
  purpose: EmailTokenPurpose,
  now: Date,
): Promise<EmailToken> {
  const found = await em.findOne(
    EmailToken,
    { tokenHash: hashOf(token), purpose },
    { populate: ['account', 'permit', 'delegation'] },
  );
  if (!found) throw new AppError('LINK_INVALID');
  if (found.usedAt) throw new AppError('LINK_ALREADY_USED');
  if (found.expiresAt <= now) throw new AppError('LINK_EXPIRED');
  return found;
}

/**
 * Marks the token used, only if nobody did in the meantime: a conditional update, so of two
 * concurrent uses exactly one wins. Call it inside the transaction of the change.
 */
export async function markEmailTokenUsed(
  em: EntityManager,
  token: EmailToken,
  now: Date,
): Promise<void> {
  const updated = await em.nativeUpdate(
    EmailToken,
    { id: token.id, usedAt: null },
    { usedAt: now },
  );
  if (updated !== 1) throw new AppError('LINK_ALREADY_USED');
}
