import type { EntityManager } from '@mikro-orm/core';
import { AppError } from '../../graphql/app-error.js';
import { Account } from '../../model/account.entity.js';

/** The viewer's own account; gone (deleted while logged in) means logged out. */
export async function viewerAccount(em: EntityManager, accountId: string): Promise<Account> {
  const account = await em.findOne(Account, { id: accountId });
  if (!account) throw new AppError('UNAUTHENTICATED');
  return account;
}
