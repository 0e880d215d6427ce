import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { answerOnce } from '../idempotency/answer-once.js';
import { keyedCall } from '../idempotency/keyed-call.js';
import { LivePublisher } from '../live/live-publisher.js';
import { storedOf } from '../session/session.mapper.js';
import { acceptInvitation, invitationOf } from './delegation-acceptance.js';
import { DelegationService } from './delegation.service.js';
import { toDelegationDto, toDelegationInvitation } from './delegation.mapper.js';
import {
  AcceptDelegationInput,
  DelegationDto,
  DelegationInvitation,
  InviteDelegationInput,
} from './delegation.types.js';

@Resolver()
export class DelegationResolver {
  @Authorized('resident', 'business')
  @Query(() => [DelegationDto], { description: "A product's delegations, for its owner." })
  async delegations(
    @Arg('productId', () => ID) productId: string,
    @Ctx() ctx: Context,
  ): Promise<DelegationDto[]> {
    const service = new DelegationService(ctx.em, ctx.viewer!, ctx.now);
    const delegations = await service.list(productId);
    await ctx.em.populate(delegations, ['permit.productType']);
    return delegations.map(toDelegationDto);
  }

  @Authorized('resident', 'business')
  @Mutation(() => DelegationDto, {
    description: 'Lends part of the balance to someone by e-mail; they accept through the link.',
  })
  async inviteDelegation(
    @Arg('input', () => InviteDelegationInput) input: InviteDelegationInput,
    @Ctx() ctx: Context,
  ): Promise<DelegationDto> {
    // The stored answer is the delegation as invited: a replay does not show later changes.
    const answer = await answerOnce(keyedCall(ctx, 'inviteDelegation', input), async () => {
      const service = new DelegationService(ctx.em, ctx.viewer!, ctx.now);
      const delegation = await service.invite({ ...input, permitId: input.productId });
      new LivePublisher(ctx.em, ctx.pubSub).balancesChanged(
        delegation.permit.id,
        [null, delegation.id],
        ctx.now,
      );
      await ctx.em.populate(delegation, ['permit.productType', 'delegate']);
      return toDelegationDto(delegation);
    });
    return Object.assign(new DelegationDto(), answer.value);
  }

  @Query(() => DelegationInvitation, {
    description: 'What an invitation link offers; needs no login (the link is the secret).',
  })
  async delegationInvitation(
    @Arg('token', () => String) token: string,
    @Ctx() ctx: Context,
  ): Promise<DelegationInvitation> {
    const { delegation } = await invitationOf(ctx.em, token, ctx.now);
    return toDelegationInvitation(delegation, ctx.language);
  }

  @Mutation(() => ID, {
    description:
      'Accepts the invitation of an e-mailed link and returns the product it gives access to. Logged in: for this account. Otherwise with the password of the invited address, or a new account (password twice), which is then logged in.',
  })
  async acceptDelegation(
    @Arg('input', () => AcceptDelegationInput) input: AcceptDelegationInput,
    @Ctx() ctx: Context,
  ): Promise<string> {
    const { permitId, login } = await acceptInvitation(ctx.em, {
      token: input.token,
      viewer: ctx.viewer,
      credentials:
        input.password != null
          ? {
              password: input.password,
              passwordRepeat: input.passwordRepeat,
              remember: input.remember,
            }
          : null,
      language: ctx.language,
      now: ctx.now,
      clientAddress: ctx.clientAddress,
    });
    if (login) ctx.http.setSessionCookie(login.token, login.remember ? login.expiresAt : null);
    return permitId;
  }

  @Authorized('resident', 'business')
  @Mutation(() => DelegationDto, { description: 'Ends a delegation and returns what is left.' })
  async revokeDelegation(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
  ): Promise<DelegationDto> {
    const service = new DelegationService(ctx.em, ctx.viewer!, ctx.now);
    const { delegation, endedSessions } = await service.revoke(id);
    await ctx.em.populate(delegation, ['permit.productType', 'delegate']);
    const unit = delegation.permit.productType.balanceUnit ?? 'minutes';
    const publisher = new LivePublisher(ctx.em, ctx.pubSub);
    const published = publisher.sessionsChanged(
      delegation.permit.id,
      endedSessions.map((session) => ({
        kind: session.status === 'deleted' ? ('deleted' as const) : ('stopped' as const),
        session: storedOf(session),
        unit,
      })),
      ctx.now,
      [null, delegation.id],
    );
    // The delegate hears its sessions stop and its pot empty before its subscriptions end.
    const delegateId = delegation.delegate?.id;
    if (delegateId) {
      void published.then(() =>
        publisher.accessEnded(delegateId, { kind: 'delegationEnded', delegationId: delegation.id }),
      );
    }
    return toDelegationDto(delegation);
  }
}
