import type { EntityManager } from '@mikro-orm/core';
import type { Language } from '@parkeer/shared/language';
import { forgetCachedLogins } from '../auth/auth.service.js';
import { viewerAccount } from '../auth/viewer-account.js';
import type { Viewer } from '../../graphql/viewer.js';
import { permitForViewer } from '../permit/permit-access.js';
import type { Account } from '../../model/account.entity.js';

/** Settings to change; a field left out stays as it is, `startPermitId: null` clears it. */
export interface SettingsChange {
  readonly language?: Language | null;
  readonly startPermitId?: string | null;
  readonly highContrast?: boolean | null;
}

export class AccountService {
  constructor(private readonly em: EntityManager) {}

  async updateSettings(viewer: Viewer, change: SettingsChange): Promise<Account> {
    // Only a product the viewer may see: held, or used through an accepted delegation.
    const startPermitId = change.startPermitId
      ? (await permitForViewer(this.em, viewer, change.startPermitId, 'read')).permit.id
      : change.startPermitId;
    const account = await viewerAccount(this.em, viewer.accountId);
    if (change.language != null) account.language = change.language;
    if (change.highContrast != null) account.highContrast = change.highContrast;
    if (startPermitId !== undefined) account.startPermitId = startPermitId;
    await this.em.flush();
    forgetCachedLogins(viewer.accountId); // the cached viewer carries the language
    return account;
  }
}
