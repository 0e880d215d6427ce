import { loginLifetime } from '@parkeer/shared/login-lifetime';
import type { AuthSessionKind } from '../../model/auth-session.entity.js';

export const sessionLifetime = loginLifetime;

export function lifetimeOf(kind: AuthSessionKind, remember: boolean, permitOnly = false) {
  if (permitOnly) return sessionLifetime.registration;
  if (kind === 'bearer') return sessionLifetime.bearer;
  return remember ? sessionLifetime.remember : sessionLifetime.short;
}

/** Whether a session has lapsed at `now`, by inactivity or by age. */
export function isLapsed(
  session: {
    kind: AuthSessionKind;
    remember: boolean;
    lastSeenAt: Date;
    expiresAt: Date;
    permitOnly?: boolean;
  },
  now: Date,
): boolean {
  const { idle } = lifetimeOf(session.kind, session.remember, session.permitOnly);
  return now >= session.expiresAt || now.getTime() - session.lastSeenAt.getTime() >= idle;
}
