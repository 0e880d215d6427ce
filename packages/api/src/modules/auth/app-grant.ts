import type { EntityManager } from '@mikro-orm/core';
import { OAuthRecord } from '../../model/oauth-record.entity.js';
import { hashToken } from './auth.service.js';

/**
 * Removes an app's grant (a resident's consent) and every code and token made under it, at once
 * (docs/graphql.md "Acting for a resident"). `grantId` is the authorization server's id of it.
 */
export async function revokeGrant(em: EntityManager, grantId: string): Promise<void> {
  const grantKey = hashToken(grantId);
  await em.nativeDelete(OAuthRecord, { grantKey });
  await em.nativeDelete(OAuthRecord, { model: 'Grant', key: grantKey });
}

/**
 * `logout` with an app's access token: the login an app holds is the resident's consent, so it
 * ends as when the resident disconnects the app (app-token-viewer.ts names the grant's row as
 * the viewer's `authSessionId`). The app must ask the resident again.
 */
export async function endAppGrant(em: EntityManager, grantRowId: string): Promise<void> {
  const grant = await em.findOne(OAuthRecord, { id: grantRowId, model: 'Grant' });
  const grantId = (grant?.payload as { jti?: string } | undefined)?.jti;
  if (grantId) await revokeGrant(em, grantId);
}
