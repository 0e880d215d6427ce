import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { AppError } from '../../graphql/app-error.js';
import type { Viewer } from '../../graphql/viewer.js';
import { logger } from '../../logging/logger.js';
import { IdentityLogin } from '../../model/identity-login.entity.js';
import { IdentityProvider, type IdentityKind } from '../../model/identity-provider.entity.js';
import { AuthService, type IssuedSession } from '../auth/auth.service.js';
import { meetsMinimum } from './assurance.js';
import { claimText } from './claims.js';
import { loginAccounts, type ProvenIdentity } from './identity-accounts.js';
import { normaliseBsn, normaliseKvk } from './identity-hash.js';
import { brokerConfiguration, oidc } from './oidc-client.js';
import { redirectUriOf } from './identity-provider.service.js';

/** How long a started login may take at the broker (choosing, a DigiD app scan). */
export const pendingLoginLifetimeMs = 15 * 60_000;

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/**
 * Only a path of this app: a `returnTo` of another origin (`//evil`, `https://…`, `/\evil`)
 * would turn the login into an open redirect.
 */
export function safeReturnTo(value: unknown): string {
  if (typeof value !== 'string' || value.length > 300) return '/';
  if (!/^\/(?![/\\])[A-Za-z0-9\-._~!$&'()*+,;=:@%/?]*$/.test(value)) return '/';
  return value;
}

/** A login that failed: where to send the browser back to, with the code to show there. */
export class IdentityLoginError extends Error {
  constructor(
    readonly code: AppError['code'],
    /** The SPA path the login was started from, when it was a link from the settings. */
    readonly returnTo: string | null = null,
  ) {
    super(code);
    this.name = 'IdentityLoginError';
  }
}

export interface StartedLogin {
  /** The broker's authorization URL. */
  readonly redirect: string;
  /** The browser's half of the login, for its short-lived cookie. */
  readonly binding: string;
}

export interface FinishedLogin {
  readonly session: IssuedSession;
  readonly returnTo: string;
}

async function enabledProvider(em: EntityManager, townCode: string, kind: string) {
  const provider = await em.findOne(
    IdentityProvider,
    { municipality: { code: townCode }, kind: kind as IdentityKind, enabled: true },
    { populate: ['clientSecret', 'municipality'] },
  );
  if (!provider) throw new IdentityLoginError('IDENTITY_PROVIDER_UNAVAILABLE');
  return provider;
}

async function configurationOf(provider: IdentityProvider) {
  try {
    return await brokerConfiguration(provider);
  } catch (error) {
    logger.warn(
      { err: error, providerId: provider.id },
      'identity broker discovery failed: login unavailable',
    );
    throw new IdentityLoginError('IDENTITY_PROVIDER_UNAVAILABLE');
  }
}

/**
 * DigiD and eHerkenning through a town's OpenID Connect broker: authorization code with PKCE
 * (S256), state and nonce; the ID token is checked by openid-client (signature, issuer,
 * audience, expiry, nonce). docs/security.md §Identity.
 */
export class OidcLoginService {
  constructor(private readonly em: EntityManager) {}

  async start(
    townCode: string,
    kind: string,
    returnTo: string,
    viewer: Viewer | null,
    now: Date,
  ): Promise<StartedLogin> {
    const provider = await enabledProvider(this.em, townCode, kind);
    const configuration = await configurationOf(provider);
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const binding = randomBytes(32).toString('base64url');
    // Lapsed logins go as new ones come: the table holds only the last quarter hour's.
    await this.em.nativeDelete(IdentityLogin, { expiresAt: { $lt: now } });
    // Signed in with a password: this login links the identity to that account.
    const linkTo =
      viewer && viewer.via === 'cookie' && viewer.signIn.method === 'password' && !viewer.actingFor
        ? viewer.accountId
        : null;
    this.em.create(IdentityLogin, {
      bindingHash: sha256(binding),
      provider,
      state,
      nonce,
      codeVerifier,
      returnTo,
      linkAccount: linkTo,
      expiresAt: new Date(now.getTime() + pendingLoginLifetimeMs),
      createdAt: now,
    });
    await this.em.flush();
    const redirect = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: redirectUriOf(provider.municipality.code, provider.kind),
      scope: provider.scopes,
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
      // Every login proves itself anew: a broker's own session (a shared computer, someone who
      // just logged out here) must not log the next person in.
      prompt: 'login',
    });
    return { redirect: redirect.href, binding };
  }

  /**
   * The broker's answer: used once (the pending login is removed before anything else), then
   * the code exchanged and the ID token's claims read; the login is refused below the town's
   * minimum level of assurance.
   */
  async finish(
    townCode: string,
    kind: string,
    binding: string | undefined,
    query: URLSearchParams,
    now: Date,
  ): Promise<FinishedLogin> {
    if (!binding) throw new IdentityLoginError('IDENTITY_LOGIN_EXPIRED');
    const pending = await this.em.findOne(
      IdentityLogin,
      { bindingHash: sha256(binding) },
      { populate: ['provider', 'provider.clientSecret', 'provider.municipality'] },
    );
    if (!pending) throw new IdentityLoginError('IDENTITY_LOGIN_EXPIRED');
    // One use: of two callbacks racing with one cookie, only the one that deleted it goes on.
    const taken = await this.em.nativeDelete(IdentityLogin, { id: pending.id });
    const linkTo = pending.linkAccount?.id ?? null;
    const back = linkTo ? pending.returnTo : null;
    if (taken !== 1 || pending.expiresAt.getTime() <= now.getTime()) {
      throw new IdentityLoginError('IDENTITY_LOGIN_EXPIRED', back);
    }
    const provider = pending.provider;
    if (provider.municipality.code !== townCode || provider.kind !== kind || !provider.enabled) {
      throw new IdentityLoginError('IDENTITY_LOGIN_FAILED', back);
    }
    if (query.has('error')) {
      // access_denied: the person cancelled at the broker (or DigiD); anything else failed there.
      const cancelled = query.get('error') === 'access_denied';
      throw new IdentityLoginError(
        cancelled ? 'IDENTITY_LOGIN_CANCELLED' : 'IDENTITY_LOGIN_FAILED',
        back,
      );
    }
    const configuration = await configurationOf(provider);
    const callback = new URL(redirectUriOf(townCode, provider.kind));
    for (const [name, value] of query) callback.searchParams.append(name, value);
    let claims: Record<string, unknown>;
    try {
      const tokens = await oidc.authorizationCodeGrant(configuration, callback, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      claims = { ...tokens.claims() };
    } catch (error) {
      // The library's message names what failed (state, nonce, issuer, audience); no claim values.
      logger.warn(
        { providerId: provider.id, reason: error instanceof Error ? error.message : 'unknown' },
        'identity broker answer refused',
      );
      throw new IdentityLoginError('IDENTITY_LOGIN_FAILED', back);
    }
    const identity = provenIdentity(provider, claims, back);
    const assurance = claimText(claims, provider.claims.assurance);
    if (!meetsMinimum(provider.kind, assurance, provider.minimumAssurance)) {
      throw new IdentityLoginError('IDENTITY_ASSURANCE_TOO_LOW', back);
    }
    try {
      const session = await this.em.transactional(async (tx) => {
        const accounts = await loginAccounts(tx, identity, now, linkTo);
        await tx.flush();
        return new AuthService(tx).issue(accounts.actor, 'cookie', false, now, {
          method: provider.kind,
          assurance,
          actingFor: accounts.actingFor,
          actingForLabel: accounts.actingForLabel,
        });
      });
      return { session, returnTo: pending.returnTo };
    } catch (error) {
      if (error instanceof AppError) throw new IdentityLoginError(error.code, back);
      throw error;
    }
  }
}

/** The identifiers of the claims, checked: a BSN passes the eleven test, a KvK number is 8 digits. */
function provenIdentity(
  provider: IdentityProvider,
  claims: Record<string, unknown>,
  back: string | null,
): ProvenIdentity {
  const names = provider.claims;
  const raw = claimText(claims, names.identifier);
  const identifier = raw && (provider.kind === 'digid' ? normaliseBsn(raw) : normaliseKvk(raw));
  if (!identifier) throw new IdentityLoginError('IDENTITY_CLAIM_MISSING', back);
  const representedBsnRaw = claimText(claims, names.representedBsn);
  const representedKvkRaw =
    provider.kind === 'eherkenning' ? claimText(claims, names.representedKvk) : null;
  let represented: ProvenIdentity['represented'] = null;
  if (representedBsnRaw) {
    const bsn = normaliseBsn(representedBsnRaw);
    if (!bsn) throw new IdentityLoginError('IDENTITY_CLAIM_MISSING', back);
    represented = { kind: 'bsn', identifier: bsn, name: claimText(claims, names.representedName) };
  } else if (representedKvkRaw) {
    const kvk = normaliseKvk(representedKvkRaw);
    if (!kvk) throw new IdentityLoginError('IDENTITY_CLAIM_MISSING', back);
    represented = { kind: 'kvk', identifier: kvk, name: claimText(claims, names.representedName) };
  }
  return { kind: provider.kind, identifier, name: claimText(claims, names.name), represented };
}
