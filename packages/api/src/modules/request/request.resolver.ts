import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { WaiverStatus } from '@parkeer/domain/eligibility/goodwill-waiver';
import { mapConnection } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { answerOnce } from '../idempotency/answer-once.js';
import { keyedCall } from '../idempotency/keyed-call.js';
import { LivePublisher } from '../session/live-publisher.js';
import { CareGrantService } from './care-grant.service.js';
import { CareRequestService } from './care-request.service.js';
import { FineWaiverService } from './fine-waiver.service.js';
import { OutageCompensationService } from './outage-compensation.service.js';
import {
  toCareGrant,
  toCareHoursRequest,
  toFineWaiver,
  toOutageCompensation,
} from './request.mapper.js';
import {
  CareGrantDto,
  CareHoursRequestConnection,
  CareHoursRequestDecision,
  CareHoursRequestDto,
  DecideCareHoursRequestInput,
  CareGrantResult,
  CompensateOutageInput,
  CompensateOutageResult,
  FineWaiverConnection,
  FineWaiverDto,
  FineWaiverStatusEnum,
  GrantCareHoursInput,
  OutageCompensationDto,
  RecordFineWaiverInput,
} from './request.types.js';
import { adminWorkOf } from '../admin/admin-scope.js';

/**
 * The back office's requests (issue 6): informal-care time, goodwill fine waivers and outage
 * compensation, each on the admin's own town only (another town's ids answer NOT_FOUND).
 */
@Resolver()
export class RequestResolver {
  @Authorized('municipalAdmin')
  @Query(() => [CareGrantDto], { description: "A permit's informal-care grants, newest first." })
  async careGrants(
    @Arg('permitId', () => ID, { description: 'The permit.' }) permitId: string,
    @Ctx() ctx: Context,
  ): Promise<CareGrantDto[]> {
    return (await new CareGrantService(adminWorkOf(ctx)).list(permitId)).map(toCareGrant);
  }

  @Authorized('municipalAdmin')
  @Mutation(() => CareGrantResult, {
    description:
      "Credits free informal-care minutes to a permit with the carer's statement (docs/rules.md §4).",
  })
  async grantCareHours(
    @Arg('input', () => GrantCareHoursInput, {
      description: 'The permit, minutes, statement and key.',
    })
    input: GrantCareHoursInput,
    @Ctx() ctx: Context,
  ): Promise<CareGrantResult> {
    // The stored answer is the grant with the balance and room left as they were then.
    const answer = await answerOnce(keyedCall(ctx, 'grantCareHours', input), async () => {
      const publisher = new LivePublisher(ctx.pubSub);
      const granted = await new CareGrantService(adminWorkOf(ctx), publisher.sink).grant(input);
      return {
        grant: toCareGrant(granted.grant),
        balanceAfter: granted.balanceAfter,
        remainingMinutes: granted.remainingMinutes,
      };
    });
    return Object.assign(new CareGrantResult(), {
      ...answer.value,
      grant: Object.assign(new CareGrantDto(), answer.value.grant),
    });
  }

  @Authorized('municipalAdmin')
  @Query(() => CareHoursRequestConnection, {
    description: "Holders' requests for informal-care time in the town, newest request first.",
  })
  async careHoursRequests(
    @Arg('status', () => FineWaiverStatusEnum, {
      description: 'Only requests in this state; left out: all.',
      nullable: true,
    })
    status: WaiverStatus | null,
    @Arg('first', () => Int, { description: 'Page size, 1 to 50.', defaultValue: 20 })
    first: number,
    @Arg('after', () => String, {
      description: "The previous page's pageInfo.endCursor; left out: the first page.",
      nullable: true,
    })
    after: string | null,
    @Ctx() ctx: Context,
  ): Promise<CareHoursRequestConnection> {
    const page = await new CareRequestService(adminWorkOf(ctx)).list(status ?? null, first, after);
    return Object.assign(new CareHoursRequestConnection(), mapConnection(page, toCareHoursRequest));
  }

  @Authorized('municipalAdmin')
  @Mutation(() => CareHoursRequestDecision, {
    description:
      "Approves (granting the minutes, within the care cap's room) or refuses a holder's pending care request, with the reason; only once.",
  })
  async decideCareHoursRequest(
    @Arg('input', () => DecideCareHoursRequestInput, {
      description: 'The request, the decision, the reason and the key.',
    })
    input: DecideCareHoursRequestInput,
    @Ctx() ctx: Context,
  ): Promise<CareHoursRequestDecision> {
    const answer = await answerOnce(keyedCall(ctx, 'decideCareHoursRequest', input), async () => {
      const publisher = new LivePublisher(ctx.pubSub);
      const decided = await new CareRequestService(adminWorkOf(ctx), publisher.sink).decide(input);
      return { ...decided, request: toCareHoursRequest(decided.request) };
    });
    return Object.assign(new CareHoursRequestDecision(), {
      ...answer.value,
      request: Object.assign(new CareHoursRequestDto(), answer.value.request),
    });
  }

  @Authorized('municipalAdmin')
  @Query(() => FineWaiverConnection, {
    description: "The town's goodwill waiver requests, newest request first.",
  })
  async fineWaivers(
    @Arg('status', () => FineWaiverStatusEnum, {
      description: 'Only requests in this state; left out: all.',
      nullable: true,
    })
    status: WaiverStatus | null,
    @Arg('first', () => Int, { description: 'Page size, 1 to 50.', defaultValue: 20 })
    first: number,
    @Arg('after', () => String, {
      description: "The previous page's pageInfo.endCursor; left out: the first page.",
      nullable: true,
    })
    after: string | null,
    @Ctx() ctx: Context,
  ): Promise<FineWaiverConnection> {
    const page = await new FineWaiverService(adminWorkOf(ctx)).list(status ?? null, first, after);
    return Object.assign(new FineWaiverConnection(), mapConnection(page, toFineWaiver));
  }

  @Authorized('municipalAdmin')
  @Mutation(() => FineWaiverDto, {
    description:
      'Records a pending goodwill waiver request, if the scheme allows it (docs/rules.md §9: one per calendar year, within a month of the fine).',
  })
  async recordFineWaiverRequest(
    @Arg('input', () => RecordFineWaiverInput, { description: 'The permit and the fine.' })
    input: RecordFineWaiverInput,
    @Ctx() ctx: Context,
  ): Promise<FineWaiverDto> {
    return toFineWaiver(await new FineWaiverService(adminWorkOf(ctx)).record(input));
  }

  @Authorized('municipalAdmin')
  @Mutation(() => FineWaiverDto, {
    description: 'Approves or refuses a pending waiver request, with the reason; only once.',
  })
  async decideFineWaiver(
    @Arg('id', () => ID, { description: 'The request (FineWaiver.id).' }) id: string,
    @Arg('approve', () => Boolean, { description: 'True: approve; false: refuse.' })
    approve: boolean,
    @Arg('reason', () => String, { description: 'Why; the holder reads it.' }) reason: string,
    @Ctx() ctx: Context,
  ): Promise<FineWaiverDto> {
    return toFineWaiver(
      await new FineWaiverService(adminWorkOf(ctx)).decide({ id, approve, reason }),
    );
  }

  @Authorized('municipalAdmin')
  @Query(() => [OutageCompensationDto], {
    description: "The town's outage compensations, latest window first; optionally of one zone.",
  })
  async outageCompensations(
    @Arg('zoneId', () => ID, {
      description: "Only this zone's; left out: every zone of the town.",
      nullable: true,
    })
    zoneId: string | null,
    @Ctx() ctx: Context,
  ): Promise<OutageCompensationDto[]> {
    const list = await new OutageCompensationService(adminWorkOf(ctx)).list(zoneId ?? null);
    return list.map(toOutageCompensation);
  }

  @Authorized('municipalAdmin')
  @Mutation(() => CompensateOutageResult, {
    description:
      "Credits, once, what the zone's sessions were charged for the paid minutes of a past outage window.",
  })
  async compensateOutage(
    @Arg('input', () => CompensateOutageInput, {
      description: 'The zone, the window and what failed.',
    })
    input: CompensateOutageInput,
    @Ctx() ctx: Context,
  ): Promise<CompensateOutageResult> {
    const publisher = new LivePublisher(ctx.pubSub);
    const done = await new OutageCompensationService(adminWorkOf(ctx), publisher.sink).compensate(
      input,
    );
    return Object.assign(new CompensateOutageResult(), {
      compensation: toOutageCompensation(done.compensation),
      minutesCredited: done.minutesCredited,
    });
  }
}
