import type { EntityManager } from '@mikro-orm/core';
import type { Language } from '@parkeer/shared/language';
import type { Viewer } from '../../graphql/viewer.js';
import type { Role } from '../../model/account.entity.js';
import { OAuthRecord } from '../../model/oauth-record.entity.js';
import { hashToken } from './auth.service.js';

interface AppTokenRow {
  payload: string | Record<string, unknown>;
  expires_at: Date | number | string | null;
  grant_row: string;
  last_used_at: Date | number | string | null;
  account_id: string;
  role: Role;
  municipality_id: string | null;
  language: Language;
  app_id: string;
  app_name: string;
}

/**
 * One indexed, joined SELECT: the token, its grant (a revoked grant took its tokens along, but
 * the join says so again), the app (a disabled app's tokens stop at once) and the resident.
 */
const appTokenSql = `select t.payload, t.expires_at, g.id as grant_row, g.last_used_at,
    a.id as account_id, a.role, a.municipality_id, a.language, p.id as app_id, p.name as app_name
  from oauth_record t
  join oauth_record g on g.model = 'Grant' and g.key = t.grant_key
  join partner_app p on p.client_id = t.client_id and not p.disabled
  join account a on a.id = t.account_id
  where t.model = 'AccessToken' and t.key = ?`;

const residentRoles: readonly Role[] = ['resident', 'business'];
/** Last used is written at most once a minute, as a login's seen-at. */
const touchInterval = 60_000;

/**
 * The viewer behind an app's OAuth access token (docs/graphql.md "Acting for a resident"; the
 * authorization server in `modules/oauth` stores it under this hash): the
 * consenting holder, limited to the granted scopes by `scope-gate.ts`, with the app named for
 * the channel and history of what it does.
 */
export async function appViewer(
  em: EntityManager,
  token: string,
  now: Date,
): Promise<Viewer | null> {
  const [row] = await em.getConnection().execute<AppTokenRow[]>(appTokenSql, [hashToken(token)]);
  if (!row || !residentRoles.includes(row.role)) return null;
  // Token lifetimes run on the wall clock, as the authorization server issued them.
  if (row.expires_at === null || new Date(row.expires_at).getTime() <= Date.now()) return null;
  const payload = (typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload) as {
    scope?: string;
  };
  const lastUsed = row.last_used_at === null ? 0 : new Date(row.last_used_at).getTime();
  if (now.getTime() - lastUsed >= touchInterval) {
    await em.nativeUpdate(OAuthRecord, { id: row.grant_row }, { lastUsedAt: now });
  }
  return {
    accountId: row.account_id,
    role: row.role,
    municipalityId: row.municipality_id,
    language: row.language,
    authSessionId: row.grant_row,
    via: 'bearer',
    holderAccountId: row.account_id,
    signIn: { method: 'password', assurance: null },
    actingFor: null,
    permitOnly: null,
    scopes: new Set((payload.scope ?? '').split(' ').filter(Boolean)),
    app: { id: row.app_id, name: row.app_name },
  };
}
