import type { AuthSessionKind } from './auth-session.entity.js';

const minute = 60_000;
const day = 24 * 60 * minute;

/** How long a login lasts without activity, and at most (RULES §6: logout after inactivity). */
export const sessionLifetime = {
  short: { idle: 30 * minute, absolute: 12 * 60 * minute },
  remember: { idle: 30 * day, absolute: 90 * day },
  bearer: { idle: 365 * day, absolute: 365 * day },
} as const;

export function lifetimeOf(kind: AuthSessionKind, remember: boolean) {
  if (kind === 'bearer') return sessionLifetime.bearer;
  return remember ? sessionLifetime.remember : sessionLifetime.short;
}

/** Whether a session has lapsed at `now`, by inactivity or by age. */
export function isLapsed(
  session: { kind: AuthSessionKind; remember: boolean; lastSeenAt: Date; expiresAt: Date },
  now: Date,
): boolean {
  const { idle } = lifetimeOf(session.kind, session.remember);
  return now >= session.expiresAt || now.getTime() - session.lastSeenAt.getTime() >= idle;
}
