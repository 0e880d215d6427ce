import type { JWK } from 'jose';
import type { Config } from '../../config/config.js';

/**
 * Demo mode's and the tests' keys for the authorization server: published here, so production
 * refuses to start without its own (config.ts), and fixed, so two demo instances agree.
 */
export const demoSigningKey = JSON.stringify({
  kty: 'EC',
  crv: 'P-256',
  x: 'wWpkr8lN_SkufG5X_U26LE20SS9JlcougHokn-vPbj0',
  y: '9JWMsoXMebMQDhQEj4SGtX-onUhIz437vAxPDpAdWTw',
  d: 'C4TGB2sFElY-cxmgUUpWvuMrrtA6b29bii5kehriogg',
});
const demoCookieKey = 'parkeer-demo-oauth-cookie-key-published-never-secret';

/** The cookie keys (the first signs, the others still verify) and the signing key set. */
export function oauthKeys(settings: Pick<Config, 'OAUTH_COOKIE_KEYS' | 'OAUTH_SIGNING_KEY'>): {
  cookieKeys: string[];
  jwks: { keys: JWK[] };
  alg: 'ES256' | 'RS256';
} {
  const cookieKeys = (settings.OAUTH_COOKIE_KEYS ?? demoCookieKey)
    .split(',')
    .map((key) => key.trim())
    .filter(Boolean);
  const jwk = JSON.parse(settings.OAUTH_SIGNING_KEY ?? demoSigningKey) as JWK;
  const alg = jwk.kty === 'EC' ? 'ES256' : 'RS256';
  return { cookieKeys, jwks: { keys: [{ ...jwk, alg, use: 'sig' }] }, alg };
}
