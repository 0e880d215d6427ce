import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { BalanceUnit } from '@parkeer/shared/balance-unit';
import type { Context } from '../../graphql/context.js';
import { answerOnce } from '../idempotency/answer-once.js';
import { keyedCall } from '../idempotency/keyed-call.js';
import type { Viewer } from '../auth/viewer.js';
import { LivePublisher, type SessionChange } from '../live/live-publisher.js';
import type { Channel, ParkingSession } from '../../model/parking-session.entity.js';
import { openSessions } from './session-queries.js';
import { SessionService, type SessionOutcome } from './session.service.js';
import {
  storedOf,
  toSessionAccepted,
  toSessionDto,
  toSessionQuote,
  toSessionRefused,
} from './session.mapper.js';
import {
  ChangeSessionEndInput,
  QuoteResult,
  SessionDto,
  SessionList,
  SessionRequestInput,
  SessionResult,
  StartSessionInput,
} from './session.types.js';

const unitOf = (session: ParkingSession): BalanceUnit =>
  session.permit.productType.balanceUnit ?? 'minutes';

/** Where a start came from (docs/rules.md §5: started in one channel, stopped in another). */
function channelOf(viewer: Viewer): Channel {
  return viewer.via === 'cookie' ? 'web' : 'app';
}

/**
 * Tells subscribers what a call changed: the sessions its permit settled on the way (they
 * reached their end or start before this call came by), then the call's own change, if any (a
 * refusal or a retried call changed nothing of its own).
 */
function publishChanges(ctx: Context, service: SessionService, own: SessionChange | null): void {
  const changes = [...service.settledOnTheWay, ...(own ? [own] : [])];
  if (changes.length === 0) return;
  new LivePublisher(ctx.em, ctx.pubSub).sessionsChanged(
    changes[0]!.session.permitId,
    changes,
    ctx.now,
  );
}

const ownChange = (kind: 'started' | 'changed', outcome: SessionOutcome): SessionChange | null =>
  outcome.ok && outcome.decision !== null
    ? { kind, session: outcome.session, unit: outcome.unit }
    : null;

@Resolver()
export class SessionResolver {
  @Authorized('resident', 'business')
  @Query(() => QuoteResult, {
    description: 'What starting this session would do and cost; nothing is saved.',
  })
  async quoteSession(
    @Arg('input', () => SessionRequestInput) input: SessionRequestInput,
    @Ctx() ctx: Context,
  ): Promise<typeof QuoteResult> {
    const service = new SessionService(ctx.em, ctx.viewer!, ctx.now);
    const { decision, unit } = await service.quote({ ...input, permitId: input.productId });
    return decision.ok
      ? toSessionQuote(decision, unit, input.country ?? 'NL')
      : toSessionRefused(decision, unit, input.country ?? 'NL', ctx.language);
  }

  @Authorized('resident', 'business')
  @Query(() => SessionList, {
    description: "Running and planned sessions of one product, or of all the viewer's products.",
  })
  async sessions(
    @Arg('productId', () => ID, { nullable: true }) productId: string | null,
    @Ctx() ctx: Context,
  ): Promise<SessionList> {
    const sessions = await openSessions(ctx.em, ctx.viewer!, ctx.now, productId ?? null);
    const dtos = sessions.map((s) =>
      toSessionDto(storedOf(s), unitOf(s), ctx.viewer!.accountId, ctx.now),
    );
    const running = dtos.filter((s) => s.status === 'running');
    const planned = dtos.filter((s) => s.status === 'planned');
    return Object.assign(new SessionList(), {
      running,
      planned,
      runningCount: running.length,
      plannedCount: planned.length,
    });
  }

  @Authorized('resident', 'business')
  @Mutation(() => SessionResult, {
    description: 'Starts (or plans) a session, or answers why not with a proposal.',
  })
  async startSession(
    @Arg('input', () => StartSessionInput) input: StartSessionInput,
    @Ctx() ctx: Context,
  ): Promise<typeof SessionResult> {
    const service = new SessionService(ctx.em, ctx.viewer!, ctx.now);
    const answer = await answerOnce(keyedCall(ctx, 'startSession', input), () =>
      service.start({ ...input, permitId: input.productId, channel: channelOf(ctx.viewer!) }),
    );
    publishChanges(ctx, service, answer.replayed ? null : ownChange('started', answer.value));
    return this.result(ctx, answer.value, input.country ?? 'NL', answer.answeredAt);
  }

  @Authorized('resident', 'business')
  @Mutation(() => SessionResult, {
    description: 'Extends or shortens a running or planned session.',
  })
  async changeSessionEnd(
    @Arg('input', () => ChangeSessionEndInput) input: ChangeSessionEndInput,
    @Ctx() ctx: Context,
  ): Promise<typeof SessionResult> {
    const service = new SessionService(ctx.em, ctx.viewer!, ctx.now);
    const answer = await answerOnce(keyedCall(ctx, 'changeSessionEnd', input), () =>
      service.changeEnd(input.sessionId, input.end),
    );
    publishChanges(ctx, service, answer.replayed ? null : ownChange('changed', answer.value));
    return this.result(ctx, answer.value, 'NL', answer.answeredAt);
  }

  @Authorized('resident', 'business')
  @Mutation(() => SessionDto, { description: 'Stops a running session now; the rest is released.' })
  async stopSession(
    @Arg('sessionId', () => ID) sessionId: string,
    @Ctx() ctx: Context,
  ): Promise<SessionDto> {
    const service = new SessionService(ctx.em, ctx.viewer!, ctx.now);
    const { session, unit } = await service.stop(sessionId);
    publishChanges(ctx, service, { kind: 'stopped', session, unit });
    return toSessionDto(session, unit, ctx.viewer!.accountId, ctx.now);
  }

  @Authorized('resident', 'business')
  @Mutation(() => SessionDto, { description: 'Deletes a planned session; all of it is released.' })
  async deleteSession(
    @Arg('sessionId', () => ID) sessionId: string,
    @Ctx() ctx: Context,
  ): Promise<SessionDto> {
    const service = new SessionService(ctx.em, ctx.viewer!, ctx.now);
    const { session, unit } = await service.delete(sessionId);
    publishChanges(ctx, service, { kind: 'deleted', session, unit });
    return toSessionDto(session, unit, ctx.viewer!.accountId, ctx.now);
  }

  /** The answer as of `answeredAt`: a replay shows the session as the first call answered it. */
  private async result(
    ctx: Context,
    outcome: SessionOutcome,
    country: string,
    answeredAt: Date,
  ): Promise<typeof SessionResult> {
    if (!outcome.ok) {
      return toSessionRefused(outcome.decision, outcome.unit, country, ctx.language);
    }
    const session = toSessionDto(outcome.session, outcome.unit, ctx.viewer!.accountId, answeredAt);
    const quote = outcome.decision
      ? toSessionQuote(outcome.decision, session.unit, outcome.session.country)
      : null;
    return toSessionAccepted(session, quote);
  }
}
