/** The transport side of a login: how a resolver sets or clears the SPA's session cookie. */
export interface HttpSession {
  setSessionCookie(token: string, expiresAt: Date | null): void;
  clearSessionCookie(): void;
}

export const sessionCookieName = 'parkeer_session';

/**
 * The login cookie's attributes, for the GraphQL login and the DigiD / eHerkenning callback alike.
 * Lax: sent on top-level navigation only, never on cross-site POSTs (CSRF).
 */
export function sessionCookieOptions(secure: boolean, expiresAt: Date | null) {
  return {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    ...(expiresAt ? { expires: expiresAt } : {}),
  } as const;
}
