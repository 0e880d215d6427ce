import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { parse as parseCookies } from 'cookie';
import type { Language } from '@parkeer/shared/language';
import { AuthService } from '../modules/auth/auth.service.js';
import type { Viewer } from '../modules/auth/viewer.js';
import { AppError } from './app-error.js';
import { sessionCookieName, type HttpSession } from './http-session.js';
import type { LivePubSub } from './pubsub.js';
import { currentRequestId } from '../logging/request-id.js';
import { clientAddressOf } from '../http/client-address.js';

/**
 * What one GraphQL operation (or one subscription) works with: its own EntityManager fork, so
 * no identity map is shared between requests, the authenticated viewer and the language.
 */
export type Context = {
  readonly em: EntityManager;
  readonly viewer: Viewer | null;
  readonly language: Language;
  readonly requestId: string;
  readonly http: HttpSession;
  /** The clock of this operation; tests set it, production reads the system clock once. */
  readonly now: Date;
  /** This operation's DataLoaders by name (see `loader`): batches field resolvers' lookups. */
  readonly loaders: Map<string, unknown>;
  /** Where changes are published for subscribers (see pubsub.ts). */
  readonly pubSub: LivePubSub;
  /** The client's address (TRUST_PROXY honoured), the same over HTTP and graphql-ws: per-client limits. */
  readonly clientAddress: string;
};

/** Dutch unless the browser prefers English; an account's own setting wins once logged in. */
export function languageFromHeader(acceptLanguage: string | undefined): Language {
  const first = acceptLanguage?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'nl';
}

export function createContext(
  em: EntityManager,
  req: IncomingMessage,
  viewer: Viewer | null,
  http: HttpSession,
  now: Date,
  pubSub: LivePubSub,
): Context {
  return {
    em,
    viewer,
    http,
    now,
    pubSub,
    loaders: new Map(),
    clientAddress: clientAddressOf(req),
    language: viewer?.language ?? languageFromHeader(req.headers['accept-language']),
    requestId: currentRequestId() ?? randomUUID(),
  };
}

/**
 * The viewer behind a bearer token (`Authorization: Bearer …`, partners and apps) or else the
 * session cookie (the SPA).
 */
export async function viewerFromCredentials(
  em: EntityManager,
  credentials: { authorization?: string | undefined; cookie?: string | undefined },
  now: Date,
): Promise<Viewer | null> {
  const auth = new AuthService(em);
  const bearer = /^Bearer (.+)$/i.exec(credentials.authorization ?? '')?.[1];
  if (bearer) return auth.authenticate(bearer, 'bearer', now);
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

/** Over a WebSocket no cookie can be set: logging in and out is for HTTP. */
const noHttpSession: HttpSession = {
  setSessionCookie: () => {
    throw new AppError('BAD_USER_INPUT');
  },
  clearSessionCookie: () => {
    throw new AppError('BAD_USER_INPUT');
  },
};

/**
 * The context of one operation over graphql-ws: an EntityManager forked for it alone (a
 * subscription lives long; the global one is refused), and the viewer of the connection's
 * `authorization` parameter or of the cookie sent with the upgrade request.
 */
export async function createWsContext(
  em: EntityManager,
  request: IncomingMessage,
  connectionParams: Readonly<Record<string, unknown>> | undefined,
  now: Date,
  pubSub: LivePubSub,
): Promise<Context> {
  const fork = em.fork();
  const viewer = await viewerFromCredentials(fork, wsCredentials(request, connectionParams), now);
  return createContext(fork, request, viewer, noHttpSession, now, pubSub);
}
