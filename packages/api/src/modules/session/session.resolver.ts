import { optionalPermitId, requiredPermitId, useIdOfPermit } from '../../graphql/permit-id.js';
import { eitherName, useName } from '../../graphql/renamed-argument.js';
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { BalanceUnit } from '@parkeer/shared/balance-unit';
import type { Context } from '../../graphql/context.js';
import { answerOnce } from '../idempotency/answer-once.js';
import { keyedCall } from '../idempotency/keyed-call.js';
import type { Viewer } from '../../graphql/viewer.js';
import { LivePublisher } from './live-publisher.js';
import type { Channel, ParkingSession } from '../../model/parking-session.entity.js';
import { openSessions, sessionOfViewer } from './session-queries.js';
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
  if (viewer.app) return 'partner';
  return viewer.via === 'cookie' ? 'web' : 'app';
}

/** The service for one call; what its transactions did reaches subscribers after each commit. */
const serviceFor = (ctx: Context) =>
  new SessionService(ctx.em, ctx.viewer!, ctx.now, new LivePublisher(ctx.pubSub).sink);

@Resolver()
export class SessionResolver {
  @Authorized('resident', 'business')
  @Query(() => QuoteResult, {
    description: 'What starting this session would do and cost; nothing is saved.',
  })
  async quoteSession(
    @Arg('input', () => SessionRequestInput, { description: 'The session as it would be started.' })
    input: SessionRequestInput,
    @Ctx() ctx: Context,
  ): Promise<typeof QuoteResult> {
    const service = new SessionService(ctx.em, ctx.viewer!, ctx.now);
    const { decision, unit } = await service.quote({ ...input, permitId: requiredPermitId(input) });
    return decision.ok
      ? toSessionQuote(decision, unit, input.country ?? 'NL')
      : toSessionRefused(decision, unit, input.country ?? 'NL', ctx.language);
  }

  @Authorized('resident', 'business')
  @Query(() => SessionList, {
    description: "Running and planned sessions of one product, or of all the viewer's products.",
  })
  async sessions(
    @Arg('permitId', () => ID, {
      description: "The permit (Product.id); left out: all the viewer's permits.",
      nullable: true,
    })
    permitId: string | null,
    @Arg('productId', () => ID, {
      description: "The permit (Product.id); left out: all the viewer's permits.",
      nullable: true,
      deprecationReason: useIdOfPermit,
    })
    productId: string | null,
    @Ctx() ctx: Context,
  ): Promise<SessionList> {
    const asked = optionalPermitId({ permitId, productId });
    const sessions = await openSessions(ctx.em, ctx.viewer!, ctx.now, asked);
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
  @Query(() => SessionDto, {
    description:
      "One session of the viewer's, whatever its status: of a permit it holds (a delegate: only its own sessions). Anyone else's is NOT_FOUND; a former delegate's, DELEGATION_REVOKED.",
  })
  async session(
    @Arg('id', () => ID, { description: 'The session (Session.id).' }) id: string,
    @Ctx() ctx: Context,
  ): Promise<SessionDto> {
    const session = await sessionOfViewer(ctx.em, ctx.viewer!, id);
    return toSessionDto(storedOf(session), unitOf(session), ctx.viewer!.accountId, ctx.now);
  }

  @Authorized('resident', 'business')
  @Mutation(() => SessionResult, {
    description: 'Starts (or plans) a session, or answers why not with a proposal.',
  })
  async startSession(
    @Arg('input', () => StartSessionInput, {
      description: 'The permit, plate, start, end and key.',
    })
    input: StartSessionInput,
    @Ctx() ctx: Context,
  ): Promise<typeof SessionResult> {
    const answer = await answerOnce(keyedCall(ctx, 'startSession', input), () =>
      serviceFor(ctx).start({
        ...input,
        permitId: requiredPermitId(input),
        channel: channelOf(ctx.viewer!),
      }),
    );
    return this.result(ctx, answer.value, input.country ?? 'NL', answer.answeredAt);
  }

  @Authorized('resident', 'business')
  @Mutation(() => SessionResult, {
    description: 'Extends or shortens a running or planned session.',
  })
  async changeSessionEnd(
    @Arg('input', () => ChangeSessionEndInput, {
      description: 'The session, its new end and the key.',
    })
    input: ChangeSessionEndInput,
    @Ctx() ctx: Context,
  ): Promise<typeof SessionResult> {
    const answer = await answerOnce(keyedCall(ctx, 'changeSessionEnd', input), () =>
      serviceFor(ctx).changeEnd(input.sessionId, input.end),
    );
    return this.result(ctx, answer.value, 'NL', answer.answeredAt);
  }

  @Authorized('resident', 'business')
  @Mutation(() => SessionDto, { description: 'Stops a running session now; the rest is released.' })
  async stopSession(
    @Arg('id', () => ID, {
      nullable: true,
      description: 'The running session (Session.id); required (or, deprecated, sessionId).',
    })
    id: string | null,
    @Arg('sessionId', () => ID, {
      nullable: true,
      description: 'The running session (Session.id).',
      deprecationReason: useName('id'),
    })
    sessionId: string | null,
    @Ctx() ctx: Context,
  ): Promise<SessionDto> {
    const { session, unit } = await serviceFor(ctx).stop(eitherName(id, sessionId));
    return toSessionDto(session, unit, ctx.viewer!.accountId, ctx.now);
  }

  @Authorized('resident', 'business')
  @Mutation(() => SessionDto, { description: 'Deletes a planned session; all of it is released.' })
  async deleteSession(
    @Arg('id', () => ID, {
      nullable: true,
      description: 'The planned session (Session.id); required (or, deprecated, sessionId).',
    })
    id: string | null,
    @Arg('sessionId', () => ID, {
      nullable: true,
      description: 'The planned session (Session.id).',
      deprecationReason: useName('id'),
    })
    sessionId: string | null,
    @Ctx() ctx: Context,
  ): Promise<SessionDto> {
    const { session, unit } = await serviceFor(ctx).delete(eitherName(id, sessionId));
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
