import type { MikroORM } from '@mikro-orm/core';
import type { Adapter, AdapterPayload } from 'oidc-provider';
import { OAuthRecord } from '../../model/oauth-record.entity.js';
import { PartnerApp } from '../../model/partner-app.entity.js';
import { revokeGrant } from '../auth/app-grant.js';
import { hashToken } from '../auth/auth.service.js';
import { clientMetadataOf } from './partner-app-client.js';

/**
 * Ids are kept as SHA-256 (as logins' tokens are): the table holds no usable token or code, and
 * the API finds an access token's viewer by the same hash (auth/app-token-viewer.ts).
 */
export const oauthKey = hashToken;

/**
 * oidc-provider's storage on the application database (`oauth_record`), one adapter per model
 * the provider names; clients come from the registered apps (`partner_app`). Nothing is kept in
 * process memory, so every API instance sees every grant, code and token.
 */
export function oauthStore(orm: MikroORM): (model: string) => Adapter {
  return (model) => (model === 'Client' ? new ClientStore(orm) : new RecordStore(orm, model));
}

class ClientStore implements Adapter {
  constructor(private readonly orm: MikroORM) {}

  async find(clientId: string): Promise<AdapterPayload | undefined> {
    const app = await this.orm.em
      .fork()
      .findOne(PartnerApp, { clientId, disabled: false }, { populate: ['secretHash'] });
    return app ? (clientMetadataOf(app) as AdapterPayload) : undefined;
  }

  // Apps are registered in the back office, never by the provider.
  async upsert(): Promise<void> {}
  async findByUserCode(): Promise<undefined> {}
  async findByUid(): Promise<undefined> {}
  async consume(): Promise<void> {}
  async destroy(): Promise<void> {}
  async revokeByGrantId(): Promise<void> {}
}

/** The models whose id is itself a credential, found only by whoever holds it. */
const bearerModels = new Set(['AccessToken', 'RefreshToken', 'AuthorizationCode']);

class RecordStore implements Adapter {
  constructor(
    private readonly orm: MikroORM,
    private readonly model: string,
  ) {}

  async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
    const em = this.orm.em.fork();
    const key = oauthKey(id);
    // A token's id is the token: its payload keeps no copy (find puts the id back).
    const stored: Record<string, unknown> = { ...payload };
    if (bearerModels.has(this.model)) delete stored.jti;
    const values = {
      payload: stored,
      grantKey: payload.grantId ? oauthKey(payload.grantId) : null,
      uidKey: payload.uid ? oauthKey(payload.uid) : null,
      accountId: payload.accountId ?? null,
      clientId: payload.clientId ?? null,
      // The provider's expiry is in seconds from now, on the wall clock it reads itself (the
      // tokens' `exp` are real time, not the platform's business clock).
      expiresAt: expiresIn ? new Date(Date.now() + expiresIn * 1000) : null,
    };
    const existing = await em.findOne(OAuthRecord, { model: this.model, key });
    if (existing) em.assign(existing, values);
    else em.create(OAuthRecord, { model: this.model, key, ...values });
    await em.flush();
  }

  async find(id: string): Promise<AdapterPayload | undefined> {
    const payload = await this.payloadWhere({ key: oauthKey(id) });
    return payload && bearerModels.has(this.model) ? { ...payload, jti: id } : payload;
  }

  async findByUid(uid: string): Promise<AdapterPayload | undefined> {
    return this.payloadWhere({ uidKey: oauthKey(uid) });
  }

  async findByUserCode(): Promise<undefined> {
    // No device flow.
  }

  async consume(id: string): Promise<void> {
    const em = this.orm.em.fork();
    const record = await em.findOne(OAuthRecord, { model: this.model, key: oauthKey(id) });
    if (!record) return;
    record.payload = { ...record.payload, consumed: Math.floor(Date.now() / 1000) };
    await em.flush();
  }

  async destroy(id: string): Promise<void> {
    await this.orm.em.fork().nativeDelete(OAuthRecord, { model: this.model, key: oauthKey(id) });
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    await revokeGrant(this.orm.em.fork(), grantId);
  }

  private async payloadWhere(
    where: { key: string } | { uidKey: string },
  ): Promise<AdapterPayload | undefined> {
    const record = await this.orm.em.fork().findOne(OAuthRecord, { model: this.model, ...where });
    if (!record) return undefined;
    if (record.expiresAt && record.expiresAt.getTime() <= Date.now()) return undefined;
    return record.payload as AdapterPayload;
  }
}
