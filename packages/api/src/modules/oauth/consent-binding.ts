import type { EntityManager } from '@mikro-orm/core';
import { OAuthRecord } from '../../model/oauth-record.entity.js';
import { oauthKey } from './oauth-store.js';

const model = 'ConsentBinding';

/**
 * Binds an interaction to the Parkeer login of the browser that started it (its interaction
 * cookie was checked): only that login may read or decide the consent. Without it, someone who
 * started an authorization could send the consent page's link to a resident and collect the
 * code in their own browser.
 */
export async function bindConsent(
  em: EntityManager,
  uid: string,
  authSessionId: string,
  expiresAtEpoch: number,
): Promise<void> {
  const key = oauthKey(uid);
  await em.nativeDelete(OAuthRecord, { model, key });
  em.create(OAuthRecord, {
    model,
    key,
    payload: { authSessionId },
    expiresAt: new Date(expiresAtEpoch * 1000),
  });
  await em.flush();
}

/** Whether the interaction was bound to this login. */
export async function isBoundTo(
  em: EntityManager,
  uid: string,
  authSessionId: string,
): Promise<boolean> {
  const binding = await em.findOne(OAuthRecord, { model, key: oauthKey(uid) });
  return binding?.payload.authSessionId === authSessionId;
}

export async function unbindConsent(em: EntityManager, uid: string): Promise<void> {
  await em.nativeDelete(OAuthRecord, { model, key: oauthKey(uid) });
}
