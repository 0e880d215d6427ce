import { createHash, randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import type { Platform } from './platform.js';

/** A PKCE pair (S256), as an app makes one per authorization request. */
export function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/**
 * An app sends a resident who is not logged in to the authorization endpoint: she logs in and
 * lands on the consent page (`/koppelen/:uid`). Gives the PKCE verifier for the token request.
 */
export async function toConsentPage(
  page: Page,
  platform: Platform,
  app: { clientId: string; redirectUri: string; scope: string },
  email: string,
): Promise<{ verifier: string }> {
  const { verifier, challenge } = pkce();
  const authorize = new URL('/oauth/auth', platform.url);
  authorize.search = new URLSearchParams({
    client_id: app.clientId,
    response_type: 'code',
    redirect_uri: app.redirectUri,
    scope: app.scope,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state: 'state-1',
  }).toString();
  await page.goto(authorize.href);
  await page.waitForURL((url) => url.pathname === '/inloggen');
  await page.getByLabel(/E-mailadres/).fill(email);
  await page.getByLabel(/^Wachtwoord$/).fill(platform.password);
  await page.getByRole('button', { name: /^Inloggen$/ }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/koppelen/'));
  return { verifier };
}
