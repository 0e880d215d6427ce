import { eitherName, useName } from '../../graphql/renamed-argument.js';
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { LivePublisher } from '../session/live-publisher.js';
import { answerOnce } from '../idempotency/answer-once.js';
import { keyedCall } from '../idempotency/keyed-call.js';
import { CounterService, type Refusable, type Submitted } from './counter.service.js';
import {
  fromStoredAnswer,
  applicantView,
  toApplicationDto,
  toCounterPermitDto,
  toOfferDto,
  toPermitEnded,
  toQuoteDto,
  toRefused,
  toStoredAnswer,
  toSubmitted,
  type StoredAnswer,
} from './counter.mapper.js';
import {
  ApplyForPermitInput,
  ApplyForPermitResult,
  CounterPermitDto,
  EndPermitInput,
  EndPermitResult,
  PermitApplicationDto,
  PermitApplicationInput,
  PermitApplicationQuoteResult,
  PermitChangeResult,
  PermitOfferDto,
  RenewPermitInput,
  RequestPlateChangeInput,
} from './counter.types.js';

const serviceFor = (ctx: Context) => new CounterService(ctx.em, new LivePublisher(ctx.pubSub).sink);

/** The answer of a stored application (or the refusal), as the first call gives it. */
async function submittedAnswer(ctx: Context, outcome: Refusable<Submitted>) {
  if ('refused' in outcome) return toRefused(outcome.refused, ctx.language);
  const view = await serviceFor(ctx).application(ctx.viewer!, outcome.ok.applicationId);
  return toSubmitted(view, outcome.ok.checkoutUrl, ctx.language);
}

/** The permit counter (docs/rules.md §1, The permit counter): applying, paying and my permits. */
@Resolver()
export class CounterResolver {
  @Authorized('resident', 'business')
  @Query(() => [PermitOfferDto], {
    description:
      'The permit types the town of the address sells at the permit counter, each available now or with the rules that refuse it. Without an address: those of every town, judged on who the applicant is.',
  })
  async permitOffers(
    @Arg('addressKey', () => String, {
      nullable: true,
      description: "The applicant's address key (the town's address table).",
    })
    addressKey: string | null,
    @Ctx() ctx: Context,
  ): Promise<PermitOfferDto[]> {
    const offers = await serviceFor(ctx).offers(ctx.viewer!, addressKey, ctx.now);
    return offers.map((offer) => toOfferDto(offer, ctx.language));
  }

  @Authorized('resident', 'business')
  @Query(() => PermitApplicationQuoteResult, {
    description:
      'What an application would give (its term) and cost (price and fee), or every rule that refuses it. Nothing is stored.',
  })
  async quotePermitApplication(
    @Arg('input', () => PermitApplicationInput, { description: 'The application as filled in.' })
    input: PermitApplicationInput,
    @Ctx() ctx: Context,
  ): Promise<typeof PermitApplicationQuoteResult> {
    const outcome = await serviceFor(ctx).quote(ctx.viewer!, input, ctx.now, ctx.language);
    return 'refused' in outcome ? toRefused(outcome.refused, ctx.language) : toQuoteDto(outcome.ok);
  }

  @Authorized('resident', 'business')
  @Mutation(() => ApplyForPermitResult, {
    description:
      'Applies for a permit: stored with its payment (send the browser to checkoutUrl), granted at once when free, or refused with every rule and nothing stored. The permit is valid the moment the payment is confirmed.',
  })
  async applyForPermit(
    @Arg('input', () => ApplyForPermitInput, { description: 'The application and its key.' })
    input: ApplyForPermitInput,
    @Ctx() ctx: Context,
  ): Promise<typeof ApplyForPermitResult> {
    const answer = await answerOnce<StoredAnswer>(
      keyedCall(ctx, 'applyForPermit', input),
      async () =>
        toStoredAnswer(
          await submittedAnswer(
            ctx,
            await serviceFor(ctx).apply(
              ctx.viewer!,
              input.application,
              input.idempotencyKey,
              ctx.now,
              ctx.language,
              input.paymentMethod ?? 'ideal',
            ),
          ),
        ),
    );
    return fromStoredAnswer(answer.value) as typeof ApplyForPermitResult;
  }

  @Authorized('resident', 'business')
  @Query(() => PermitApplicationDto, {
    nullable: true,
    description:
      "One of the viewer's applications: the holder's, whoever filled it in (a login acting for someone sees theirs). Anyone else's is NOT_FOUND.",
  })
  async permitApplication(
    @Arg('id', () => ID, { description: 'The application.' }) id: string,
    @Ctx() ctx: Context,
  ): Promise<PermitApplicationDto> {
    return toApplicationDto(
      applicantView(await serviceFor(ctx).application(ctx.viewer!, id)),
      ctx.language,
    );
  }

  @Authorized('resident', 'business')
  @Query(() => [PermitApplicationDto], {
    description: "The viewer's applications, newest first.",
  })
  async myPermitApplications(@Ctx() ctx: Context): Promise<PermitApplicationDto[]> {
    const views = await serviceFor(ctx).myApplications(ctx.viewer!);
    return views.map((view) => toApplicationDto(applicantView(view), ctx.language));
  }

  @Authorized('resident', 'business')
  @Query(() => [CounterPermitDto], {
    description:
      "The viewer's permits of types sold at the counter, with what may be done with each now.",
  })
  async counterPermits(@Ctx() ctx: Context): Promise<CounterPermitDto[]> {
    const views = await serviceFor(ctx).counterPermits(ctx.viewer!, ctx.now);
    return views.map((view) => toCounterPermitDto(view, ctx.language));
  }

  @Authorized('resident', 'business')
  @Query(() => CounterPermitDto, {
    description: "One of the viewer's counter permits; anyone else's is NOT_FOUND.",
  })
  async counterPermit(
    @Arg('id', () => ID, {
      nullable: true,
      description: 'The permit; required (or, deprecated, permitId).',
    })
    id: string | null,
    @Arg('permitId', () => ID, {
      nullable: true,
      description: 'The permit.',
      deprecationReason: useName('id'),
    })
    permitId: string | null,
    @Ctx() ctx: Context,
  ): Promise<CounterPermitDto> {
    const asked = eitherName(id, permitId);
    const view = await serviceFor(ctx).counterPermit(ctx.viewer!, asked, ctx.now);
    return toCounterPermitDto(view, ctx.language);
  }

  @Authorized('resident', 'business')
  @Mutation(() => PermitChangeResult, {
    description:
      'Renews a permit for its next whole term (paid; within the renewal window before it ends). Pay at checkoutUrl; the end moves once paid.',
  })
  async renewPermit(
    @Arg('input', () => RenewPermitInput, { description: 'The permit and the key.' })
    input: RenewPermitInput,
    @Ctx() ctx: Context,
  ): Promise<typeof PermitChangeResult> {
    const answer = await answerOnce<StoredAnswer>(keyedCall(ctx, 'renewPermit', input), async () =>
      toStoredAnswer(
        await submittedAnswer(
          ctx,
          await serviceFor(ctx).renew(
            ctx.viewer!,
            input.permitId,
            input.idempotencyKey,
            ctx.now,
            ctx.language,
            input.paymentMethod ?? 'ideal',
          ),
        ),
      ),
    );
    return fromStoredAnswer(answer.value) as typeof PermitChangeResult;
  }

  @Authorized('resident', 'business')
  @Mutation(() => PermitChangeResult, {
    description:
      "Puts another plate on a permit. With the town's fee it is paid first (checkoutUrl); free, it takes effect at once. The old plate's right ends the moment the new one's starts.",
  })
  async requestPlateChange(
    @Arg('input', () => RequestPlateChangeInput, { description: 'The permit, plate and key.' })
    input: RequestPlateChangeInput,
    @Ctx() ctx: Context,
  ): Promise<typeof PermitChangeResult> {
    const answer = await answerOnce<StoredAnswer>(
      keyedCall(ctx, 'requestPlateChange', input),
      async () =>
        toStoredAnswer(
          await submittedAnswer(
            ctx,
            await serviceFor(ctx).changePlate(
              ctx.viewer!,
              input.permitId,
              input.plate,
              input.idempotencyKey,
              ctx.now,
              ctx.language,
              input.paymentMethod ?? 'ideal',
            ),
          ),
        ),
    );
    return fromStoredAnswer(answer.value) as typeof PermitChangeResult;
  }

  @Authorized('resident', 'business')
  @Mutation(() => EndPermitResult, {
    description:
      "Ends a permit now or from a later day. The unused part of the term's price is paid back where the town refunds (pro rata), through the payment provider; the fee is not.",
  })
  async endPermit(
    @Arg('input', () => EndPermitInput, { description: 'The permit, the day and the key.' })
    input: EndPermitInput,
    @Ctx() ctx: Context,
  ): Promise<typeof EndPermitResult> {
    const answer = await answerOnce<StoredAnswer>(keyedCall(ctx, 'endPermit', input), async () => {
      const service = serviceFor(ctx);
      const outcome = await service.end(ctx.viewer!, input.permitId, input.endsOn ?? null, ctx.now);
      if ('refused' in outcome) return toStoredAnswer(toRefused(outcome.refused, ctx.language));
      const view = await service.counterPermit(ctx.viewer!, outcome.ok.permitId, ctx.now);
      return toStoredAnswer(toPermitEnded(view, outcome.ok.refundCents, ctx.language));
    });
    return fromStoredAnswer(answer.value) as typeof EndPermitResult;
  }
}
