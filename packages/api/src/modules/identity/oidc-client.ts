import { createHash } from 'node:crypto';
import * as oidc from 'openid-client';
import type { IdentityProvider } from '../../model/identity-provider.entity.js';

/** A broker that does not answer within this long is "unavailable", not a hanging login. */
const brokerTimeoutSeconds = 10;
/** Discovery documents change rarely; a changed client is discovered again at once. */
const discoveryLifetimeMs = 10 * 60_000;

const discovered = new Map<
  string,
  { readonly at: number; readonly config: Promise<oidc.Configuration> }
>();

/**
 * The openid-client configuration of a town's broker, from its discovery document. Plain http is
 * allowed only where the settings allowed it (a broker on loopback outside production); the
 * library then still checks every token as usual.
 */
export function brokerConfiguration(provider: IdentityProvider): Promise<oidc.Configuration> {
  // Any change of what the client is (issuer, id, secret) makes another key.
  const secret = createHash('sha256').update(provider.clientSecret).digest('hex');
  const key = `${provider.id}:${provider.issuer}:${provider.clientId}:${secret}`;
  const cached = discovered.get(key);
  if (cached && performance.now() - cached.at < discoveryLifetimeMs) return cached.config;
  const issuer = new URL(provider.issuer);
  const config = oidc
    .discovery(
      issuer,
      provider.clientId,
      undefined,
      oidc.ClientSecretBasic(provider.clientSecret),
      {
        timeout: brokerTimeoutSeconds,
        ...(issuer.protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : {}),
      },
    )
    .then((configuration) => {
      configuration.timeout = brokerTimeoutSeconds;
      return configuration;
    });
  // A failed discovery is asked again next time.
  config.catch(() => discovered.delete(key));
  discovered.set(key, { at: performance.now(), config });
  return config;
}

/** Tests: forget what was discovered (a broker restarted on another port). */
export function forgetDiscoveredBrokers(): void {
  discovered.clear();
}

export { oidc };
