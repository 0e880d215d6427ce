import type { BalanceEventPayload, SessionEventPayload } from '../../graphql/pubsub.js';
import { Balance } from '../product/product.types.js';
import type { StoredSession } from '../session/session-store.js';
import { toSessionDto } from '../session/session.mapper.js';
import { BalanceEvent, SessionEvent } from './live.types.js';

// Every subscriber of one account gets the same view of an event: made once per event and account.
const sessionEventViews = new WeakMap<SessionEventPayload, Map<string, SessionEvent>>();

/** One subscriber's view of a session event: `startedByMe` and the status are theirs. */
export function toSessionEvent(
  payload: SessionEventPayload,
  viewerAccountId: string,
): SessionEvent {
  let views = sessionEventViews.get(payload);
  if (!views) sessionEventViews.set(payload, (views = new Map()));
  let view = views.get(viewerAccountId);
  if (!view) views.set(viewerAccountId, (view = sessionEventOf(payload, viewerAccountId)));
  return view;
}

function sessionEventOf(payload: SessionEventPayload, viewerAccountId: string): SessionEvent {
  const { session } = payload;
  const at = new Date(payload.at);
  const stored: StoredSession = {
    ...session,
    start: new Date(session.start),
    end: new Date(session.end),
    stoppedAt: session.stoppedAt ? new Date(session.stoppedAt) : null,
  };
  return Object.assign(new SessionEvent(), {
    kind: payload.kind,
    at,
    session: toSessionDto(stored, session.unit, viewerAccountId, at),
  });
}

export function toBalanceEvent(payload: BalanceEventPayload): BalanceEvent {
  return Object.assign(new BalanceEvent(), {
    permitId: payload.productId,
    productId: payload.productId,
    balance: Object.assign(new Balance(), { amount: payload.amount, unit: payload.unit }),
    at: new Date(payload.at),
  });
}
