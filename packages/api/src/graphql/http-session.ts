/** The transport side of a login: how a resolver sets or clears the SPA's session cookie. */
export interface HttpSession {
  setSessionCookie(token: string, expiresAt: Date | null): void;
  clearSessionCookie(): void;
}

export const sessionCookieName = 'parkeer_session';
