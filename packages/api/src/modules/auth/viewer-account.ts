import type { EntityManager } from '@mikro-orm/core';
import { AppError } from '../../graphql/app-error.js';
import type { Viewer } from '../../graphql/viewer.js';
import { Account } from '../../model/account.entity.js';

/** The viewer's own account; gone (deleted while logged in) means logged out. */
export async function viewerAccount(em: EntityManager, accountId: string): Promise<Account> {
  const account = await em.findOne(Account, { id: accountId });
  if (!account) throw new AppError('UNAUTHENTICATED');
  return account;
}

/**
 * The account whose start product the login opens with: the holder's when it acts for someone,
 * since the product is theirs (docs/rules.md §6); language and contrast stay the actor's.
 */
export async function startAccount(
  em: EntityManager,
  viewer: Viewer,
  own: Account,
): Promise<Account> {
  return viewer.holderAccountId === viewer.accountId
    ? own
    : viewerAccount(em, viewer.holderAccountId);
}
