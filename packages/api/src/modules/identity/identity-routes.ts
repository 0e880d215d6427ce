import type { MikroORM } from '@mikro-orm/core';
import { parse as parseCookies } from 'cookie';
import express, { type Request, type Response } from 'express';
import { config } from '../../config/config.js';
import { AppError } from '../../graphql/app-error.js';
import { sessionCookieName, sessionCookieOptions } from '../../graphql/http-session.js';
import { clientAddressOf } from '../../http/client-address.js';
import { logger } from '../../logging/logger.js';
import { viewerFromCredentials } from '../auth/credentials.js';
import { attemptLimits } from '../rate-limit/attempt-limits.js';
import {
  IdentityLoginError,
  OidcLoginService,
  pendingLoginLifetimeMs,
  safeReturnTo,
} from './oidc-login.service.js';

/** The browser's half of a login on its way through the broker (see IdentityLogin). */
export const loginBindingCookie = 'parkeer_oidc';
const bindingPath = '/auth/oidc';

export interface IdentityRoutesOptions {
  readonly orm: MikroORM;
  readonly clock: () => Date;
  readonly secureCookies: boolean;
}

/** Back to the SPA with a typed error code (shared catalogue), never a stack trace. */
function failureLocation(code: string, returnTo: string | null): string {
  const path = returnTo ?? '/inloggen';
  const separator = path.includes('?') ? '&' : '?';
  return `${config().PUBLIC_URL}${path}${separator}fout=${encodeURIComponent(code)}`;
}

/**
 * DigiD and eHerkenning over OpenID Connect (docs/security.md §Identity):
 * `GET /auth/oidc/:town/:kind` starts (optional `returnTo`, a path of this app), the broker sends
 * the browser back to `…/callback`, which signs in with the SPA's cookie as a password login
 * does. Both count against the client's identityLogin limit.
 */
export function identityRoutes({
  orm,
  clock,
  secureCookies,
}: IdentityRoutesOptions): express.Router {
  const router = express.Router();

  /** Counts the attempt; false (and the browser sent back) when the client is over its limit. */
  async function withinLimit(req: Request, res: Response, now: Date): Promise<boolean> {
    try {
      await attemptLimits().take('identityLogin', [{ kind: 'address', id: clientAddressOf(req) }], {
        em: orm.em.fork(),
        now,
      });
      return true;
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'RATE_LIMITED') throw error;
      const seconds = error.extensions.retryAfterSeconds;
      if (seconds) res.set('Retry-After', String(seconds));
      res.redirect(303, failureLocation('RATE_LIMITED', null));
      return false;
    }
  }

  function fail(res: Response, error: unknown): void {
    res.clearCookie(loginBindingCookie, { path: bindingPath });
    if (error instanceof IdentityLoginError) {
      res.redirect(303, failureLocation(error.code, error.returnTo));
      return;
    }
    logger.error({ err: error }, 'identity login failed');
    res.redirect(303, failureLocation('IDENTITY_LOGIN_FAILED', null));
  }

  router.get('/auth/oidc/:town/:kind', async (req, res) => {
    const now = clock();
    try {
      if (!(await withinLimit(req, res, now))) return;
      const em = orm.em.fork();
      const viewer = await viewerFromCredentials(em, req.headers, now);
      const started = await new OidcLoginService(em).start(
        String(req.params.town),
        String(req.params.kind),
        safeReturnTo(req.query.returnTo),
        viewer,
        now,
      );
      res.cookie(loginBindingCookie, started.binding, {
        httpOnly: true,
        // Lax: the broker's redirect back is a top-level GET, which carries it.
        sameSite: 'lax',
        secure: secureCookies || req.secure,
        path: bindingPath,
        maxAge: pendingLoginLifetimeMs,
      });
      res.set('Cache-Control', 'no-store').redirect(303, started.redirect);
    } catch (error) {
      fail(res, error);
    }
  });

  router.get('/auth/oidc/:town/:kind/callback', async (req, res) => {
    const now = clock();
    try {
      if (!(await withinLimit(req, res, now))) return;
      const binding = parseCookies(req.headers.cookie ?? '')[loginBindingCookie];
      const query = new URL(req.originalUrl, 'http://callback.invalid').searchParams;
      const finished = await new OidcLoginService(orm.em.fork()).finish(
        String(req.params.town),
        String(req.params.kind),
        binding,
        query,
        now,
      );
      res.clearCookie(loginBindingCookie, { path: bindingPath });
      // As a password login without 'remember me': the cookie lasts as long as the browser.
      res.cookie(
        sessionCookieName,
        finished.session.token,
        sessionCookieOptions(secureCookies || req.secure, null),
      );
      res
        .set('Cache-Control', 'no-store')
        .redirect(303, `${config().PUBLIC_URL}${finished.returnTo}`);
    } catch (error) {
      fail(res, error);
    }
  });

  return router;
}
