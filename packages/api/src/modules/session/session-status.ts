import type { SessionStatus } from '../../model/parking-session.entity.js';

/**
 * The status as of `now`. The stored status catches up when scheduled work or the next change of
 * the permit settles it; readers must not show a session as running after its end meanwhile.
 */
export function effectiveStatus(
  session: {
    readonly status: SessionStatus;
    readonly start: Date;
    readonly end: Date;
    readonly stoppedAt?: Date | null;
  },
  now: Date,
): SessionStatus {
  if (session.status === 'deleted' || session.status === 'ended') return session.status;
  if (session.stoppedAt || session.end <= now) return 'ended';
  return session.start > now ? 'planned' : 'running';
}
