import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import {
  toEnforcementTown,
  toRecordedFine,
  toRightCheckBatchAnswer,
  toRightCheckResult,
} from './enforcement.mapper.js';
import { EnforcementService } from './enforcement.service.js';
import { FineService } from './fine.service.js';
import type { RightCheckRefused } from './enforcement.types.js';
import {
  EnforcementTownDto,
  RecordedFine,
  RecordFineInput,
  RightCheckBatchAnswer,
  RightCheckBatchInput,
  RightCheckInput,
  RightCheckResult,
} from './enforcement.types.js';

@Resolver()
export class EnforcementResolver {
  @Authorized('enforcement', 'partner')
  @Query(() => RightCheckResult, {
    description: 'Enforcement: is a right registered for this plate, zone and moment? Logged.',
  })
  async rightCheck(
    @Arg('input', () => RightCheckInput, {
      description: 'The plate, the place and (optionally) the moment.',
    })
    input: RightCheckInput,
    @Ctx() ctx: Context,
  ): Promise<RightCheckResult> {
    const answer = await new EnforcementService(ctx.em).checkRight(ctx.viewer!, input, ctx.now);
    return toRightCheckResult(answer);
  }

  @Authorized('enforcement', 'partner')
  @Query(() => [RightCheckBatchAnswer], {
    description:
      'Scan cars: up to 100 right-checks in one request, each answered and logged as rightCheck; a refused item is a RightCheckRefused in its place.',
  })
  async rightCheckBatch(
    @Arg('input', () => RightCheckBatchInput, {
      description: 'The plates, at most 100 (RIGHT_CHECK_BATCH_TOO_LARGE above).',
    })
    input: RightCheckBatchInput,
    @Ctx() ctx: Context,
  ): Promise<(RightCheckResult | RightCheckRefused)[]> {
    const answers = await new EnforcementService(ctx.em).checkRights(
      ctx.viewer!,
      input.items,
      ctx.now,
    );
    return answers.map((answer) => toRightCheckBatchAnswer(answer, ctx.language));
  }

  @Authorized('enforcement', 'partner')
  @Query(() => [EnforcementTownDto], {
    description: "Enforcement: the officer's towns and their zones, to choose where to check.",
  })
  async enforcementPlaces(@Ctx() ctx: Context): Promise<EnforcementTownDto[]> {
    const towns = await new EnforcementService(ctx.em).places(ctx.viewer!);
    return towns.map(toEnforcementTown);
  }

  @Authorized('enforcement')
  @Mutation(() => RecordedFine, {
    description:
      "Enforcement: record the fine written after one of the officer's own checks; keeps the plate data of the sessions near it for the town's objection period.",
  })
  async recordFine(
    @Arg('input', () => RecordFineInput, {
      description: "The check, the fine's number and the plate.",
    })
    input: RecordFineInput,
    @Ctx() ctx: Context,
  ): Promise<RecordedFine> {
    const fine = await new FineService(ctx.em).record(ctx.viewer!, input, ctx.now);
    return toRecordedFine(fine);
  }
}
