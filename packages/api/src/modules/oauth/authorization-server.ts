import type { EntityManager, MikroORM } from '@mikro-orm/core';
import express, { type Request, type Response } from 'express';
import Provider from 'oidc-provider';
import { config } from '../../config/config.js';
import { residentAppScopes } from '../../graphql/scope-gate.js';
import { logger } from '../../logging/logger.js';
import { viewerFromCredentials } from '../auth/credentials.js';
import { bindConsent } from './consent-binding.js';
import { oauthKeys } from './oauth-keys.js';
import { oauthStore } from './oauth-store.js';
import { hashClientSecret } from './client-secret.js';

/** Where the authorization server is mounted; its issuer is `PUBLIC_URL` + this. */
export const oauthPath = '/oauth';
/** The SPA's consent page for an interaction. */
export const consentPage = (uid: string) => `/koppelen/${encodeURIComponent(uid)}`;

/** Lifetimes in seconds (docs/security.md §Apps acting for a resident). */
export const oauthLifetimes = {
  AccessToken: 10 * 60,
  AuthorizationCode: 60,
  RefreshToken: 30 * 24 * 60 * 60,
  Interaction: 10 * 60,
  Session: 10 * 60,
  IdToken: 10 * 60,
  Grant: 365 * 24 * 60 * 60,
} as const;

function createProvider(orm: MikroORM): Provider {
  const settings = config();
  const { cookieKeys, jwks, alg } = oauthKeys(settings);
  const provider = new Provider(`${settings.PUBLIC_URL}${oauthPath}`, {
    adapter: oauthStore(orm),
    jwks,
    // ID tokens are signed with the one configured key, whatever its kind.
    clientDefaults: { id_token_signed_response_alg: alg },
    cookies: { keys: cookieKeys },
    scopes: ['openid', 'offline_access', ...residentAppScopes],
    claims: { openid: ['sub'] },
    responseTypes: ['code'],
    // S256 is the provider's only method; every client, confidential ones too, must use it.
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      // An app revokes only its own tokens (revoking one ends its grant); another app's token
      // is answered as an unknown one, 200 with nothing done (RFC 7009 §2.2).
      revocation: {
        enabled: true,
        allowedPolicy: async (_ctx, client, token) => token.clientId === client.clientId,
      },
    },
    ttl: { ...oauthLifetimes },
    // Every app that holds the refresh_token grant gets one, used once and replaced.
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    rotateRefreshToken: true,
    // Each authorization is consented to on the consent page: only the grant the consent just
    // made or extended counts, never one remembered by the provider's own session.
    loadExistingGrant: async (ctx) => {
      const grantId = ctx.oidc.result?.consent?.grantId;
      return grantId ? ctx.oidc.provider.Grant.find(grantId) : undefined;
    },
    // Browser apps may call the token endpoint from the origins of their redirect URIs.
    clientBasedCORS: (_ctx, origin, client) =>
      client.redirectUris?.some((uri) => new URL(uri).origin === origin) ?? false,
    interactions: { url: (_ctx, interaction) => `${oauthPath}/interaction/${interaction.uid}` },
    findAccount: (_ctx, id) => ({ accountId: id, claims: () => ({ sub: id }) }),
    renderError: (ctx, out) => {
      ctx.type = 'application/json; charset=utf-8';
      ctx.body = { error: out.error, error_description: out.error_description };
    },
  });
  provider.proxy = settings.TRUST_PROXY !== false;
  provider.on('server_error', (_ctx, error) => logger.error({ err: error }, 'oauth server error'));
  return provider;
}

const providers = new WeakMap<object, { orm: MikroORM; provider?: Provider }>();

/** Makes the server's authorization server known; it is built at its first use. */
export function registerAuthorizationServer(orm: MikroORM): void {
  if (!providers.has(orm.em.getDriver())) providers.set(orm.em.getDriver(), { orm });
}

/** The authorization server of the database `em` works on (one per process and database). */
export function authorizationServer(em: EntityManager): Provider {
  const entry = providers.get(em.getDriver());
  if (!entry) throw new Error('the authorization server was not registered');
  return (entry.provider ??= createProvider(entry.orm));
}

/**
 * `/oauth`: the interaction's first stop, then oidc-provider's endpoints. The interaction's
 * cookie proves this is the browser that started the authorization; the resident's login in
 * that browser is bound to it before the SPA's consent page opens (consent-binding.ts), so a
 * consent link opened in another browser finds nothing.
 */
export function oauthRoutes(options: { orm: MikroORM; clock: () => Date }): express.Router {
  registerAuthorizationServer(options.orm);
  const router = express.Router();
  router.get('/interaction/:uid', async (req: Request, res: Response, next) => {
    try {
      const em = options.orm.em.fork();
      const provider = authorizationServer(em);
      const interaction = await provider.interactionDetails(req, res);
      const viewer = await viewerFromCredentials(
        em,
        { cookie: req.headers.cookie },
        options.clock(),
      );
      if (!viewer) {
        const back = `${oauthPath}/interaction/${interaction.uid}`;
        res.redirect(303, `/inloggen?terug=${encodeURIComponent(back)}`);
        return;
      }
      await bindConsent(em, interaction.uid, viewer.authSessionId, interaction.exp);
      res.redirect(303, consentPage(interaction.uid));
    } catch (error) {
      next(error);
    }
  });
  router.use(hashClientSecret);
  router.use((req, res) => {
    void authorizationServer(options.orm.em).callback()(req, res);
  });
  return router;
}
