import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { answerOnce } from '../idempotency/answer-once.js';
import { keyedCall } from '../idempotency/keyed-call.js';
import { HolderRequestService, type HolderWork } from './holder-request.service.js';
import { toOwnCareRequest, toOwnFineWaiver, toPermitRequests } from './holder-request.mapper.js';
import {
  OwnCareRequestDto,
  OwnFineWaiverDto,
  PermitRequests,
  RequestCareHoursInput,
  RequestFineWaiverInput,
} from './holder-request.types.js';

const holderWorkOf = (ctx: Context): HolderWork => ({
  em: ctx.em,
  viewer: ctx.viewer!,
  now: ctx.now,
  language: ctx.language,
});

/**
 * A holder's own door to the town's request queues (issue 15): a goodwill waiver and informal-care
 * time, filed on their own permit and decided in the back office (RequestResolver).
 */
@Resolver()
export class HolderRequestResolver {
  @Authorized('resident', 'business')
  @Query(() => PermitRequests, {
    description: "What the holder may ask for on their own permit, and their requests' status.",
  })
  async permitRequests(
    @Arg('permitId', () => ID, { description: "The holder's permit (Product.id)." })
    permitId: string,
    @Ctx() ctx: Context,
  ): Promise<PermitRequests> {
    return toPermitRequests(await new HolderRequestService(holderWorkOf(ctx)).overview(permitId));
  }

  @Authorized('resident', 'business')
  @Mutation(() => OwnFineWaiverDto, {
    description:
      'Files a goodwill waiver request for a pending decision, if the scheme allows it (docs/rules.md §9).',
  })
  async requestFineWaiver(
    @Arg('input', () => RequestFineWaiverInput, {
      description: 'The permit, the fine, the reason and the key.',
    })
    input: RequestFineWaiverInput,
    @Ctx() ctx: Context,
  ): Promise<OwnFineWaiverDto> {
    // Keyed although it moves no balance: a retry of a lost answer would otherwise be refused by
    // the year's allowance its own first copy used.
    const answer = await answerOnce(keyedCall(ctx, 'requestFineWaiver', input), async () =>
      toOwnFineWaiver(await new HolderRequestService(holderWorkOf(ctx)).fileWaiver(input)),
    );
    return Object.assign(new OwnFineWaiverDto(), answer.value);
  }

  @Authorized('resident', 'business')
  @Mutation(() => OwnCareRequestDto, {
    description:
      'Files a request for informal-care time, up to what the care cap has left (docs/rules.md §4).',
  })
  async requestCareHours(
    @Arg('input', () => RequestCareHoursInput, {
      description: 'The permit, the minutes, the statement and the key.',
    })
    input: RequestCareHoursInput,
    @Ctx() ctx: Context,
  ): Promise<OwnCareRequestDto> {
    // Keyed: a retry of a lost answer would otherwise file a second request and speak for the
    // same hours twice.
    const answer = await answerOnce(keyedCall(ctx, 'requestCareHours', input), async () =>
      toOwnCareRequest(await new HolderRequestService(holderWorkOf(ctx)).fileCareHours(input)),
    );
    return Object.assign(new OwnCareRequestDto(), answer.value);
  }
}
