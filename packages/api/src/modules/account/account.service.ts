import type { EntityManager } from '@mikro-orm/core';
import type { Language } from '@parkeer/shared/language';
import { forgetCachedLogins } from '../auth/auth.service.js';
import { startAccount, viewerAccount } from '../auth/viewer-account.js';
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

  /** The actor's account, and the product to start with as now stored (see `startAccount`). */
  async updateSettings(
    viewer: Viewer,
    change: SettingsChange,
  ): Promise<{ account: Account; startPermitId: string | null }> {
    // Only a product the viewer may see: held, or used through an accepted delegation.
    const startPermitId = change.startPermitId
      ? (await permitForViewer(this.em, viewer, change.startPermitId, 'read')).permit.id
      : change.startPermitId;
    const account = await viewerAccount(this.em, viewer.accountId);
    if (change.language != null) {
      account.language = change.language;
      account.languageChosen = true;
    }
    if (change.highContrast != null) account.highContrast = change.highContrast;
    const start = await startAccount(this.em, viewer, account);
    if (startPermitId !== undefined) start.startPermitId = startPermitId;
    await this.em.flush();
    forgetCachedLogins(viewer.accountId); // the cached viewer carries the language
    return { account, startPermitId: start.startPermitId ?? null };
  }
}
