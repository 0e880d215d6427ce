import type { IncomingMessage } from 'node:http';
import type { EntityManager } from '@mikro-orm/core';
import { parse as parseCookies } from 'cookie';
import { sessionCookieName } from '../../graphql/http-session.js';
import type { Viewer } from '../../graphql/viewer.js';
import { AuthService } from './auth.service.js';
import { authenticatePartnerKey } from '../partner-key/partner-key-auth.js';
import { looksLikePartnerKey } from '../partner-key/partner-key-secret.js';
import { appViewer } from './app-token-viewer.js';

/**
 * The viewer behind a bearer token (`Authorization: Bearer …`: a login's token, else an app's
 * OAuth access token) or else the session cookie (the SPA). A town's machine key (`pk_…`) is
 * looked up by its id, never as a login token.
 */
export async function viewerFromCredentials(
  em: EntityManager,
  credentials: { authorization?: string | undefined; cookie?: string | undefined },
  now: Date,
): Promise<Viewer | null> {
  const auth = new AuthService(em);
  const bearer = /^Bearer (.+)$/i.exec(credentials.authorization ?? '')?.[1];
  if (bearer && looksLikePartnerKey(bearer)) return authenticatePartnerKey(em, bearer, now);
  if (bearer) return (await auth.authenticate(bearer, 'bearer', now)) ?? appViewer(em, bearer, now);
  const cookie = parseCookies(credentials.cookie ?? '')[sessionCookieName];
  return cookie ? auth.authenticate(cookie, 'cookie', now) : null;
}

/** What a graphql-ws connection authenticates with: its `authorization` parameter or cookie. */
export function wsCredentials(
  request: IncomingMessage,
  connectionParams: Readonly<Record<string, unknown>> | undefined,
): { authorization: string | undefined; cookie: string | undefined } {
  const authorization = connectionParams?.authorization;
  return {
    authorization: typeof authorization === 'string' ? authorization : undefined,
    cookie: request.headers.cookie,
  };
}

/** Whether someone claims to be logged in: without it a request is anonymous, not refused. */
export function presentsCredentials(credentials: {
  authorization?: string | undefined;
  cookie?: string | undefined;
}): boolean {
  return (
    Boolean(credentials.authorization) ||
    parseCookies(credentials.cookie ?? '')[sessionCookieName] !== undefined
  );
}
