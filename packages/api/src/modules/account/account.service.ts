import type { EntityManager } from '@mikro-orm/core';
import { AppError } from '../../graphql/app-error.js';
import { Account } from './account.entity.js';

export class AccountService {
  constructor(private readonly em: EntityManager) {}

  /** The viewer's own account; gone (deleted while logged in) means logged out. */
  async viewerAccount(accountId: string): Promise<Account> {
    const account = await this.em.findOne(Account, { id: accountId });
    if (!account) throw new AppError('UNAUTHENTICATED');
    return account;
  }
}
