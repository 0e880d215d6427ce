import { requiredPermitId, useIdOfPermit } from '../../graphql/permit-id.js';
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { answerOnce } from '../idempotency/answer-once.js';
import { keyedCall } from '../idempotency/keyed-call.js';
import { LivePublisher } from '../session/live-publisher.js';
import { acceptInvitation, invitationOf } from './delegation-acceptance.js';
import { DelegationService } from './delegation.service.js';
import { toDelegationDto, toDelegationInvitation } from './delegation.mapper.js';
import {
  AcceptDelegationInput,
  DelegationDto,
  DelegationInvitation,
  InviteDelegationInput,
} from './delegation.types.js';

/** The service of one call: what each change did reaches subscribers after its commit. */
const serviceFor = (ctx: Context) =>
  new DelegationService(ctx.em, ctx.viewer!, ctx.now, new LivePublisher(ctx.pubSub).sink);

@Resolver()
export class DelegationResolver {
  @Authorized('resident', 'business')
  @Query(() => [DelegationDto], { description: "A product's delegations, for its owner." })
  async delegations(
    @Arg('permitId', () => ID, {
      nullable: true,
      description:
        'The permit (Product.id); only its owner sees its delegations. Required (or, deprecated, productId).',
    })
    permitId: string | null,
    @Arg('productId', () => ID, {
      nullable: true,
      description: 'The permit (Product.id).',
      deprecationReason: useIdOfPermit,
    })
    productId: string | null,
    @Ctx() ctx: Context,
  ): Promise<DelegationDto[]> {
    const service = new DelegationService(ctx.em, ctx.viewer!, ctx.now);
    const delegations = await service.list(requiredPermitId({ permitId, productId }));
    await ctx.em.populate(delegations, ['permit.productType']);
    return delegations.map(toDelegationDto);
  }

  @Authorized('resident', 'business')
  @Mutation(() => DelegationDto, {
    description: 'Lends part of the balance to someone by e-mail; they accept through the link.',
  })
  async inviteDelegation(
    @Arg('input', () => InviteDelegationInput, {
      description: 'Whom to invite, what to lend and the key.',
    })
    input: InviteDelegationInput,
    @Ctx() ctx: Context,
  ): Promise<DelegationDto> {
    // The stored answer is the delegation as invited: a replay does not show later changes.
    const answer = await answerOnce(keyedCall(ctx, 'inviteDelegation', input), async () => {
      const delegation = await serviceFor(ctx).invite({
        ...input,
        permitId: requiredPermitId(input),
      });
      await ctx.em.populate(delegation, ['permit.productType', 'delegate']);
      return toDelegationDto(delegation);
    });
    return Object.assign(new DelegationDto(), answer.value);
  }

  @Query(() => DelegationInvitation, {
    description: 'What an invitation link offers; needs no login (the link is the secret).',
  })
  async delegationInvitation(
    @Arg('token', () => String, {
      description:
        'The token from the invitation link; LINK_INVALID, LINK_EXPIRED or LINK_ALREADY_USED otherwise.',
    })
    token: string,
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
    @Arg('input', () => AcceptDelegationInput, {
      description: "The link's token and, without a login, the password.",
    })
    input: AcceptDelegationInput,
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
    @Arg('id', () => ID, {
      description: "The delegation (Delegation.id); only the permit's owner.",
    })
    id: string,
    @Ctx() ctx: Context,
  ): Promise<DelegationDto> {
    const { delegation } = await serviceFor(ctx).revoke(id);
    await ctx.em.populate(delegation, ['permit.productType', 'delegate']);
    return toDelegationDto(delegation);
  }
}
