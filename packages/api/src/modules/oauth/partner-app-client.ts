import type { ClientMetadata } from 'oidc-provider';
import type { PartnerApp } from '../../model/partner-app.entity.js';

/**
 * A registered app as oidc-provider's client: code + PKCE only, refresh tokens. A confidential
 * app authenticates with HTTP Basic; the provider compares the SHA-256 that `hashClientSecret`
 * (in front of the token endpoints) made of what the app sent with the stored one.
 */
export function clientMetadataOf(app: PartnerApp): ClientMetadata {
  return {
    client_id: app.clientId,
    client_name: app.name,
    redirect_uris: app.redirectUris,
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    scope: app.scopes.join(' '),
    ...(app.kind === 'confidential' && app.secretHash
      ? { token_endpoint_auth_method: 'client_secret_basic', client_secret: app.secretHash }
      : { token_endpoint_auth_method: 'none' }),
  };
}
