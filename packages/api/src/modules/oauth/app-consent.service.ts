import type { EntityManager } from '@mikro-orm/core';
import { AppError } from '../../graphql/app-error.js';
import { residentAppScopes, type ResidentAppScope } from '../../graphql/scope-gate.js';
import type { Viewer } from '../../graphql/viewer.js';
import { PartnerApp } from '../../model/partner-app.entity.js';
import { Permit } from '../../model/permit.entity.js';
import { OAuthRecord } from '../../model/oauth-record.entity.js';
import { authorizationServer } from './authorization-server.js';
import { isBoundTo, unbindConsent } from './consent-binding.js';
import { oauthKey } from './oauth-store.js';

export interface PendingAuthorization {
  readonly uid: string;
  readonly app: PartnerApp;
  readonly scopes: readonly ResidentAppScope[];
  readonly redirectHost: string;
}

const isResidentScope = (scope: string): scope is ResidentAppScope =>
  (residentAppScopes as readonly string[]).includes(scope);

/**
 * The consent page's work (docs/graphql.md "Acting for a resident"): what an app asks, and the
 * resident's answer, which finishes the provider's interaction. The grant is the holder's: a
 * DigiD Machtigen login consents for the person it acts for, as everything it does is theirs.
 */
export class AppConsentService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer,
    private readonly now: Date,
  ) {}

  async pending(uid: string): Promise<PendingAuthorization> {
    if (!(await isBoundTo(this.em, uid, this.viewer.authSessionId))) {
      throw new AppError('APP_AUTHORIZATION_NOT_FOUND');
    }
    const interaction = await authorizationServer(this.em).Interaction.find(uid);
    if (!interaction || interaction.result) throw new AppError('APP_AUTHORIZATION_NOT_FOUND');
    const clientId = String(interaction.params.client_id ?? '');
    const app = await this.em.findOne(PartnerApp, { clientId, disabled: false });
    if (!app) throw new AppError('APP_AUTHORIZATION_NOT_FOUND');
    const scopes = String(interaction.params.scope ?? '')
      .split(' ')
      .filter(isResidentScope);
    const redirectHost = new URL(String(interaction.params.redirect_uri)).host;
    return { uid, app, scopes, redirectHost };
  }

  /** Allows or denies; answers where the browser goes next (the provider, then the app). */
  async decide(uid: string, allow: boolean): Promise<string> {
    const { app } = await this.pending(uid);
    const provider = authorizationServer(this.em);
    const interaction = (await provider.Interaction.find(uid))!;
    const holder = this.viewer.holderAccountId;
    if (!allow) {
      interaction.result = {
        error: 'access_denied',
        error_description: 'the resident did not allow it',
      };
    } else {
      const owned = await this.em.count(Permit, { holder });
      if (owned === 0) throw new AppError('APP_AUTHORIZATION_NO_PRODUCTS');
      const grant =
        (await this.existingGrant(app.clientId)) ??
        new provider.Grant({
          accountId: holder,
          clientId: app.clientId,
        });
      // openid and offline_access as asked; the resident scopes only as the app may ask them
      // (the provider already refused others at the authorization request).
      grant.addOIDCScope(String(interaction.params.scope ?? ''));
      const grantId = await grant.save();
      await this.em.nativeUpdate(
        OAuthRecord,
        { model: 'Grant', key: oauthKey(grantId) },
        { grantedAt: this.now },
      );
      interaction.result = { login: { accountId: holder }, consent: { grantId } };
    }
    await interaction.save(interaction.exp - Math.floor(Date.now() / 1000));
    await unbindConsent(this.em, uid);
    return interaction.returnTo;
  }

  /** One grant per app and holder: a new consent widens it. */
  private async existingGrant(clientId: string) {
    const record = await this.em.findOne(
      OAuthRecord,
      { model: 'Grant', accountId: this.viewer.holderAccountId, clientId },
      { orderBy: { expiresAt: 'desc' } },
    );
    const grantId = record?.payload.jti;
    if (typeof grantId !== 'string' || oauthKey(grantId) !== record?.key) return undefined;
    return authorizationServer(this.em).Grant.find(grantId);
  }
}
