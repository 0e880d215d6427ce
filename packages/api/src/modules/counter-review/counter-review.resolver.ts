import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { ApplicationStatus } from '../../model/permit-application.entity.js';
import { mapConnection } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { adminWorkOf } from '../admin/admin-scope.js';
import { CounterReviewService } from './counter-review.service.js';
import { toAdminPermitApplication, toPermitApplicationDto } from './counter-review.mapper.js';
import {
  AdminPermitApplicationDto,
  DecidePermitApplicationInput,
  PermitApplicationConnection,
} from './counter-review.types.js';
import { ApplicationStatusEnum } from './permit-application.types.js';

/**
 * The back office of the permit counter (issue 16): the town's applications, one with its
 * documents and the rules' outcome, and the official's decision. Another town's application is
 * NOT_FOUND.
 */
@Resolver()
export class CounterReviewResolver {
  @Authorized('municipalAdmin')
  @Query(() => PermitApplicationConnection, {
    description:
      "The town's counter applications, newest first; `status: awaitingReview` is the queue an official decides.",
  })
  async permitApplications(
    @Arg('status', () => ApplicationStatusEnum, {
      nullable: true,
      description: 'Only these; all when left out.',
    })
    status: ApplicationStatus | null,
    @Arg('first', () => Int, { defaultValue: 20, description: 'Page size, at most 50.' })
    first: number,
    @Arg('after', () => String, {
      nullable: true,
      description: "The previous page's pageInfo.endCursor.",
    })
    after: string | null,
    @Ctx() ctx: Context,
  ): Promise<PermitApplicationConnection> {
    const { page, extras } = await new CounterReviewService(adminWorkOf(ctx)).list(
      status ?? null,
      first,
      after,
    );
    return Object.assign(
      new PermitApplicationConnection(),
      mapConnection(page, (application) =>
        toPermitApplicationDto(application, extras.get(application.id)!, ctx.language),
      ),
    );
  }

  @Authorized('municipalAdmin')
  @Query(() => AdminPermitApplicationDto, {
    description:
      'One application of the town with its documents, letters, who applied, and the eligibility rules as they judge it now.',
  })
  async adminPermitApplication(
    @Arg('id', () => ID, { description: 'The application.' }) id: string,
    @Ctx() ctx: Context,
  ): Promise<AdminPermitApplicationDto> {
    const reviewed = await new CounterReviewService(adminWorkOf(ctx)).get(id);
    return toAdminPermitApplication(reviewed, ctx.language);
  }

  @Authorized('municipalAdmin')
  @Mutation(() => AdminPermitApplicationDto, {
    description:
      'Decides an application waiting for review, once: approve grants it as a confirmed payment does (the right is on the plate at once); refuse needs a reason and refunds the payment. The applicant gets the letter by mail. A second decision is APPLICATION_ALREADY_DECIDED.',
  })
  async decidePermitApplication(
    @Arg('input', () => DecidePermitApplicationInput, { description: 'The decision.' })
    input: DecidePermitApplicationInput,
    @Ctx() ctx: Context,
  ): Promise<AdminPermitApplicationDto> {
    const decided = await new CounterReviewService(adminWorkOf(ctx)).decide(input);
    return toAdminPermitApplication(decided, ctx.language);
  }
}
