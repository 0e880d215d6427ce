import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { adminWorkOf } from '../admin/admin-scope.js';
import { WorkQueueAdminService } from './work-queue-admin.service.js';
import { QueueJob } from './work-queue.types.js';

@Resolver()
export class WorkQueueAdminResolver {
  @Authorized('platformAdmin')
  @Query(() => [QueueJob], {
    description:
      'Work that failed its last allowed attempt (the dead letter), newest first, at most 200.',
  })
  async deadLetteredJobs(@Ctx() ctx: Context): Promise<QueueJob[]> {
    return new WorkQueueAdminService(adminWorkOf(ctx)).deadLettered();
  }

  @Authorized('platformAdmin')
  @Mutation(() => QueueJob, {
    description:
      'Puts a dead-lettered job back as due now, with its attempts reset. NOT_FOUND when it is not in the dead letter (any more).',
  })
  async retryDeadLetteredJob(
    @Arg('id', () => ID, { description: 'The job (QueueJob.id).' }) id: string,
    @Ctx() ctx: Context,
  ): Promise<QueueJob> {
    return new WorkQueueAdminService(adminWorkOf(ctx)).retry(id);
  }
}
