import type { MikroORM } from '@mikro-orm/core';
import type { Request, Response } from 'express';
import { refuseWhenDatabaseFails } from './db/database-errors.js';
import { viewerFromCredentials } from './modules/auth/credentials.js';
import { createContext, type Context } from './graphql/context.js';
import {
  sessionCookieName,
  sessionCookieOptions,
  type HttpSession,
} from './graphql/http-session.js';
import type { LivePubSub } from './graphql/pubsub.js';

export interface HttpContextOptions {
  readonly orm: MikroORM;
  readonly clock: () => Date;
  readonly pubSub: LivePubSub;
  /** The login cookie is Secure even where the proxy does not say the request was https. */
  readonly secureCookies: boolean;
}

/**
 * The context of one GraphQL request over HTTP: the viewer behind its bearer token or session
 * cookie, an EntityManager of its own, the cookie handles. Apollo and the compiled path for
 * trusted documents (compiled-path/) build it with this one function, so both authenticate alike.
 */
export function httpContext(options: HttpContextOptions) {
  return async (req: Request, res: Response): Promise<Context> => {
    const now = options.clock();
    const em = options.orm.em.fork();
    const viewer = await viewerFromCredentials(em, req.headers, now).catch(refuseWhenDatabaseFails);
    const http: HttpSession = {
      setSessionCookie: (token, expiresAt) =>
        res.cookie(
          sessionCookieName,
          token,
          sessionCookieOptions(options.secureCookies || req.secure, expiresAt),
        ),
      clearSessionCookie: () => res.clearCookie(sessionCookieName, { path: '/' }),
    };
    return createContext(em, req, viewer, http, now, options.pubSub);
  };
}
