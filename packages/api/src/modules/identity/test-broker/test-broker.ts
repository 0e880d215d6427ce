import { randomBytes } from 'node:crypto';
import express, { type Request, type Response } from 'express';
import { exportJWK, generateKeyPair } from 'jose';
import Provider, { type ClientMetadata } from 'oidc-provider';
import { config } from '../../../config/config.js';
import { logger } from '../../../logging/logger.js';
import { pickIdentityPage } from './test-broker-page.js';
import { demoBrokerClient, testBrokerPath } from './test-broker-settings.js';
import { testAcrValues, testIdentities, testIdentityById } from './test-identities.js';

export { testBrokerPath } from './test-broker-settings.js';

export interface TestBrokerOptions {
  /** The issuer URL; its path is where the router is mounted. */
  readonly issuer: string;
  readonly clients: ClientMetadata[];
}

export interface TestBroker {
  readonly provider: Provider;
  /** Mount at the issuer's path: the pick-a-person page, then oidc-provider's endpoints. */
  readonly router: express.Router;
}

function sendPage(res: Response, html: string, nonce: string): void {
  res
    .status(200)
    .set({
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Content-Security-Policy': `default-src 'none'; style-src 'nonce-${nonce}'; form-action 'self' *; frame-ancestors 'none'; base-uri 'none'`,
    })
    .send(html);
}

/**
 * A real OpenID Connect provider (oidc-provider) playing the town's DigiD / eHerkenning broker:
 * the tests start it on loopback, demo mode serves it as "Test-DigiD / Test-eHerkenning". It
 * requires PKCE, signs ID tokens with a fresh RSA key, and puts the test identity's claims and
 * level of assurance (`acr`) in the ID token, as brokers do.
 */
export async function createTestBroker(options: TestBrokerOptions): Promise<TestBroker> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), alg: 'RS256', use: 'sig', kid: 'test-broker' };
  const mountPath = new URL(options.issuer).pathname.replace(/\/+$/, '');
  const provider = new Provider(options.issuer, {
    clients: options.clients,
    jwks: { keys: [jwk] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    scopes: ['openid', 'bsn', 'kvk'],
    claims: {
      openid: ['sub', 'acr'],
      bsn: ['bsn', 'name', 'machtiging'],
      kvk: ['kvk', 'company_name', 'vertegenwoordigde', 'bewindvoering'],
    },
    acrValues: testAcrValues,
    // The identity's claims go into the ID token itself, where Parkeer reads them.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `${mountPath}/interaction/${interaction.uid}` },
    findAccount: (_ctx, id) => {
      const identity = testIdentityById(id);
      if (!identity) return undefined;
      return { accountId: id, claims: () => ({ sub: id, acr: identity.acr, ...identity.claims }) };
    },
    renderError: (ctx, out) => {
      ctx.type = 'text/plain; charset=utf-8';
      ctx.body = `Test-broker: ${out.error}${out.error_description ? ` (${out.error_description})` : ''}`;
    },
  });
  // The tests and the demo run on plain http on this machine.
  provider.proxy = true;

  const router = express.Router();
  router.get('/interaction/:uid', async (req: Request, res: Response, next) => {
    try {
      const details = await provider.interactionDetails(req, res);
      const scope = String(details.params.scope ?? '');
      const kind = scope.split(' ').includes('kvk') ? 'eherkenning' : 'digid';
      const nonce = randomBytes(16).toString('base64');
      const html = pickIdentityPage(
        kind,
        testIdentities.filter((i) => i.kind === kind),
        `${mountPath}/interaction/${details.uid}`,
        nonce,
      );
      sendPage(res, html, nonce);
    } catch (error) {
      next(error);
    }
  });
  router.post(
    '/interaction/:uid',
    express.urlencoded({ extended: false, limit: '4kb' }),
    async (req: Request, res: Response, next) => {
      try {
        const details = await provider.interactionDetails(req, res);
        const body = req.body as Record<string, string | undefined>;
        const identity = body.identity ? testIdentityById(body.identity) : null;
        if (body.cancel || !identity) {
          await provider.interactionFinished(
            req,
            res,
            { error: 'access_denied', error_description: 'cancelled at the test broker' },
            { mergeWithLastSubmission: false },
          );
          return;
        }
        // Consent is part of picking: the broker is the town's own, not a third party.
        const grant = new provider.Grant({
          accountId: identity.id,
          clientId: String(details.params.client_id),
        });
        grant.addOIDCScope(String(details.params.scope ?? 'openid'));
        const grantId = await grant.save();
        await provider.interactionFinished(
          req,
          res,
          { login: { accountId: identity.id, acr: identity.acr }, consent: { grantId } },
          { mergeWithLastSubmission: false },
        );
      } catch (error) {
        next(error);
      }
    },
  );
  router.use(provider.callback());
  return { provider, router };
}

/**
 * Demo mode's broker at `${PUBLIC_URL}/test-idp`, made on its first request (most processes,
 * the tests', never use it). Its one client may return to every demo town.
 */
export function testBrokerRouter(
  townCodes: readonly string[] = ['delft', 'oudstad'],
): express.RequestHandler {
  let made: Promise<TestBroker> | undefined;
  return (req, res, next) => {
    made ??= (async () => {
      const base = config().PUBLIC_URL;
      logger.warn('the TEST DigiD / eHerkenning broker is served at /test-idp (demo mode)');
      return createTestBroker({
        issuer: `${base}${testBrokerPath}`,
        clients: [
          {
            client_id: demoBrokerClient.clientId,
            client_secret: demoBrokerClient.clientSecret,
            redirect_uris: townCodes.flatMap((town) =>
              ['digid', 'eherkenning'].map((kind) => `${base}/auth/oidc/${town}/${kind}/callback`),
            ),
            grant_types: ['authorization_code'],
            response_types: ['code'],
          },
        ],
      });
    })();
    made.then((broker) => broker.router(req, res, next), next);
  };
}
