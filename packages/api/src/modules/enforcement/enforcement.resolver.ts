import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { toRightCheckResult } from './enforcement.mapper.js';
import { EnforcementService } from './enforcement.service.js';
import { RightCheckInput, RightCheckResult } from './enforcement.types.js';

@Resolver()
export class EnforcementResolver {
  @Authorized('enforcement')
  @Query(() => RightCheckResult, {
    description: 'Enforcement: is a right registered for this plate, zone and moment? Logged.',
  })
  async rightCheck(
    @Arg('input', () => RightCheckInput) input: RightCheckInput,
    @Ctx() ctx: Context,
  ): Promise<RightCheckResult> {
    const answer = await new EnforcementService(ctx.em).checkRight(ctx.viewer!, input, ctx.now);
    return toRightCheckResult(answer);
  }
}
