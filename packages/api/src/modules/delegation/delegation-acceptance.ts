import type { EntityManager } from '@mikro-orm/core';
import type { Language } from '@parkeer/shared/language';
import { AppError } from '../../graphql/app-error.js';
import {
  accountForLink,
  withLinkLoginLimits,
  type LinkCredentials,
} from '../account/account-from-link.js';
import { Account, holderRoles } from '../../model/account.entity.js';
import { AuthService, type IssuedSession } from '../auth/auth.service.js';
import { markEmailTokenUsed, usableEmailToken } from '../auth/email-link.js';
import type { EmailToken } from '../../model/email-token.entity.js';
import type { Viewer } from '../../graphql/viewer.js';
import { Delegation } from '../../model/delegation.entity.js';

/** The invitation behind a link, with what its page shows; a revoked one is refused. */
export async function invitationOf(
  em: EntityManager,
  token: string,
  now: Date,
): Promise<{ link: EmailToken; delegation: Delegation }> {
  const link = await usableEmailToken(em, token, 'delegation', now);
  const delegation = link.delegation;
  if (!delegation) throw new AppError('LINK_INVALID');
  await em.populate(delegation, [
    'permit.productType',
    'permit.municipality',
    'permit.zone',
    'permit.holder',
  ]);
  if (delegation.status === 'revoked') throw new AppError('DELEGATION_REVOKED');
  return { link, delegation };
}

export interface AcceptInvitation {
  readonly token: string;
  /** Null: not logged in; then `credentials` log in or create the invited account. */
  readonly viewer: Viewer | null;
  readonly credentials: (LinkCredentials & { remember: boolean }) | null;
  readonly language: Language;
  readonly now: Date;
  readonly clientAddress: string;
}

/**
 * Accepts a delegation (docs/rules.md §7): by the logged-in resident or business, or, without a login,
 * by the invited address's account (its password) or a new one (a password set twice), which is
 * then logged in. The link is used up in the same transaction; of two clicks one wins.
 */
export async function acceptInvitation(
  em: EntityManager,
  input: AcceptInvitation,
): Promise<{ permitId: string; login: IssuedSession | null }> {
  if (input.viewer || !input.credentials) return acceptInTransaction(em, input);
  const { email } = await usableEmailToken(em, input.token, 'delegation', input.now);
  return withLinkLoginLimits(
    em,
    { email, clientAddress: input.clientAddress, now: input.now },
    () => acceptInTransaction(em, input),
  );
}

function acceptInTransaction(
  em: EntityManager,
  input: AcceptInvitation,
): Promise<{ permitId: string; login: IssuedSession | null }> {
  return em.transactional(async (tx) => {
    const { link, delegation } = await invitationOf(tx, input.token, input.now);
    if (delegation.status !== 'invited') throw new AppError('DELEGATION_ALREADY_ACCEPTED');
    let account: Account;
    if (input.viewer) {
      if (!holderRoles.includes(input.viewer.role)) throw new AppError('FORBIDDEN');
      // Acting for someone accepts for them: the delegation is theirs (docs/rules.md §6).
      account = tx.getReference(Account, input.viewer.holderAccountId);
    } else {
      if (!input.credentials) throw new AppError('UNAUTHENTICATED');
      account = await accountForLink(tx, link.email, input.credentials, {
        role: 'resident',
        language: input.language,
      });
    }
    if (delegation.permit.holder?.id === account.id) throw new AppError('DELEGATION_TO_SELF');
    const other = await tx.count(Delegation, {
      permit: delegation.permit.id,
      delegate: account.id,
      status: 'accepted',
    });
    if (other > 0) throw new AppError('DELEGATION_ALREADY_EXISTS');
    await markEmailTokenUsed(tx, link, input.now);
    const accepted = await tx.nativeUpdate(
      Delegation,
      { id: delegation.id, status: 'invited' },
      { status: 'accepted', delegate: account, acceptedAt: input.now },
    );
    if (accepted !== 1) throw new AppError('DELEGATION_ALREADY_ACCEPTED');
    const login = input.viewer
      ? null
      : await new AuthService(tx).issue(account, 'cookie', input.credentials!.remember, input.now);
    return { permitId: delegation.permit.id, login };
  });
}
