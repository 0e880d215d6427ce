import type { EndWhen } from './pubsub.js';
import type { Viewer } from './viewer.js';

/** A subscription of `viewer` ends with its login, or with one of `delegations` it relies on. */
export function endsWithAccess(
  viewer: Viewer,
  delegations: ReadonlySet<string | null> = new Set(),
): EndWhen {
  return {
    accountId: viewer.accountId,
    ends: (event) =>
      event.kind === 'loginEnded'
        ? event.authSessionId === viewer.authSessionId
        : event.kind === 'allLoginsEnded'
          ? event.except !== viewer.authSessionId
          : delegations.has(event.delegationId),
  };
}
