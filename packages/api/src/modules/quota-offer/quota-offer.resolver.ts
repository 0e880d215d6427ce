import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Resolver,
  Root,
} from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { CounterService } from '../counter/counter.service.js';
import { toSubmitted } from '../counter/counter.mapper.js';
import { PermitApplicationDto, PermitApplicationSubmittedDto } from '../counter/counter.types.js';
import { LivePublisher } from '../session/live-publisher.js';
import { QuotaOfferService } from './quota-offer.service.js';

const serviceFor = (ctx: Context) =>
  new QuotaOfferService(ctx.em, new LivePublisher(ctx.pubSub).sink);

/**
 * The waiting list as the applicant sees it on the application (docs/rules.md §2 quotas): the
 * place in line, an offer's deadline, and paying an offered place.
 */
@Resolver(() => PermitApplicationDto)
export class QuotaOfferResolver {
  @FieldResolver(() => Int, {
    nullable: true,
    description: 'While waitlisted: its place on the waiting list, 1 first; otherwise null.',
  })
  async waitingListPosition(
    @Root() application: PermitApplicationDto,
    @Ctx() ctx: Context,
  ): Promise<number | null> {
    return (await serviceFor(ctx).placeOf(application.id)).position;
  }

  @FieldResolver(() => Date, {
    nullable: true,
    description: 'While offered: the moment the offer lapses unless paid; otherwise null.',
  })
  async offerExpiresAt(
    @Root() application: PermitApplicationDto,
    @Ctx() ctx: Context,
  ): Promise<Date | null> {
    return (await serviceFor(ctx).placeOf(application.id)).offerExpiresAt;
  }

  @Authorized('resident', 'business')
  @Mutation(() => PermitApplicationSubmittedDto, {
    description:
      'Takes an offered place from the waiting list: opens its payment (pay at checkoutUrl); nothing to pay grants it at once. QUOTA_OFFER_LAPSED after the deadline.',
  })
  async payPermitOffer(
    @Arg('applicationId', () => ID, { description: 'The offered application.' })
    applicationId: string,
    @Ctx() ctx: Context,
  ): Promise<PermitApplicationSubmittedDto> {
    const submitted = await serviceFor(ctx).payOffer(
      ctx.viewer!,
      applicationId,
      ctx.now,
      ctx.language,
    );
    const counter = new CounterService(ctx.em.fork());
    const view = await counter.application(ctx.viewer!, submitted.applicationId);
    return toSubmitted(view, submitted.checkoutUrl, ctx.language);
  }
}
