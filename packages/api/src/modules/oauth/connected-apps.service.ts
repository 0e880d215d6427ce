import type { EntityManager } from '@mikro-orm/core';
import { AppError } from '../../graphql/app-error.js';
import { residentAppScopes, type ResidentAppScope } from '../../graphql/scope-gate.js';
import type { Viewer } from '../../graphql/viewer.js';
import { OAuthRecord } from '../../model/oauth-record.entity.js';
import { PartnerApp } from '../../model/partner-app.entity.js';
import { revokeGrant } from '../auth/app-grant.js';

export interface ConnectedAppView {
  readonly app: PartnerApp;
  readonly scopes: ResidentAppScope[];
  readonly connectedAt: Date;
  readonly lastUsedAt: Date | null;
}

interface GrantPayload {
  jti?: string;
  iat?: number;
  openid?: { scope?: string };
}

/** The apps a holder allowed (one grant each), and taking one back. */
export class ConnectedAppsService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer,
  ) {}

  async list(): Promise<ConnectedAppView[]> {
    const grants = await this.em.find(OAuthRecord, {
      model: 'Grant',
      accountId: this.viewer.holderAccountId,
    });
    const apps = await this.em.find(PartnerApp, {
      clientId: { $in: grants.map((grant) => grant.clientId!) },
    });
    return grants
      .map((grant) => {
        const app = apps.find((candidate) => candidate.clientId === grant.clientId);
        const payload = grant.payload as GrantPayload;
        const granted = (payload.openid?.scope ?? '').split(' ');
        return app
          ? {
              app,
              scopes: residentAppScopes.filter((scope) => granted.includes(scope)),
              connectedAt: grant.grantedAt ?? new Date((payload.iat ?? 0) * 1000),
              lastUsedAt: grant.lastUsedAt ?? null,
            }
          : null;
      })
      .filter((view): view is ConnectedAppView => view !== null)
      .sort((a, b) => a.app.name.localeCompare(b.app.name));
  }

  /**
   * Revokes the app's grant: its access and refresh tokens stop at once. Gives the grants' rows,
   * the `authSessionId` of the app's logins, whose subscriptions end with them.
   */
  async revoke(appId: string): Promise<string[]> {
    const app = await this.em.findOne(PartnerApp, { id: appId });
    const grants = app
      ? await this.em.find(OAuthRecord, {
          model: 'Grant',
          accountId: this.viewer.holderAccountId,
          clientId: app.clientId,
        })
      : [];
    if (grants.length === 0) throw new AppError('NOT_FOUND');
    for (const grant of grants) {
      const grantId = (grant.payload as GrantPayload).jti;
      if (grantId) await revokeGrant(this.em, grantId);
    }
    return grants.map((grant) => grant.id);
  }
}
