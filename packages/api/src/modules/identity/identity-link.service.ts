import type { EntityManager } from '@mikro-orm/core';
import { AppError } from '../../graphql/app-error.js';
import type { Viewer } from '../../graphql/viewer.js';
import { Account } from '../../model/account.entity.js';
import { IdentityLink } from '../../model/identity-link.entity.js';
import type { IdentityKind } from '../../model/identity-provider.entity.js';

const identifierKind = { digid: 'bsn', eherkenning: 'kvk' } as const;
const identityKindOf = { bsn: 'digid', kvk: 'eherkenning' } as const;

/** The viewer's own DigiD / eHerkenning links, for the settings page. */
export class IdentityLinkService {
  constructor(private readonly em: EntityManager) {}

  async linksOf(viewer: Viewer): Promise<{ kind: IdentityKind; linkedAt: Date }[]> {
    const links = await this.em.find(
      IdentityLink,
      { account: viewer.accountId },
      { orderBy: { kind: 'asc' } },
    );
    return links.map((link) => ({ kind: identityKindOf[link.kind], linkedAt: link.createdAt }));
  }

  /**
   * Removes the link; refused when the account could then not log in at all (no password yet),
   * so nobody locks themselves out (docs/rules.md §6).
   */
  async unlink(viewer: Viewer, kind: IdentityKind): Promise<void> {
    await this.em.transactional(async (tx) => {
      const link = await tx.findOne(IdentityLink, {
        account: viewer.accountId,
        kind: identifierKind[kind],
      });
      if (!link) throw new AppError('IDENTITY_LINK_NOT_FOUND');
      const account = await tx.findOneOrFail(
        Account,
        { id: viewer.accountId },
        { populate: ['passwordHash'] },
      );
      const otherLinks = await tx.count(IdentityLink, {
        account: viewer.accountId,
        id: { $ne: link.id },
      });
      if (!account.passwordHash && otherLinks === 0) {
        throw new AppError('IDENTITY_UNLINK_LAST_LOGIN');
      }
      tx.remove(link);
    });
  }
}
