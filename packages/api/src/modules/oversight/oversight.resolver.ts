import { Authorized, Ctx, Query, Resolver, Root, Subscription } from 'type-graphql';
import { authorizeSubscription } from '../../graphql/auth-checker.js';
import type { Context } from '../../graphql/context.js';
import { Topic, type ZoneEventPayload } from '../../graphql/pubsub.js';
import { endsWithAccess } from '../live/live-subscriptions.js';
import { ZoneOccupancy } from './oversight.types.js';
import { zoneCounts, type ZoneCount } from './zone-occupancy.js';

const toZoneOccupancy = (count: ZoneCount, at: Date) =>
  Object.assign(new ZoneOccupancy(), {
    zoneId: count.zoneId,
    zoneCode: count.code,
    zoneName: count.name,
    running: count.running,
    at,
  });

/** A municipal admin's view of their own town (an admin has a municipality by construction). */
@Resolver()
export class OversightResolver {
  @Authorized('municipalAdmin')
  @Query(() => [ZoneOccupancy], {
    description: "Sessions running now in each zone of the admin's municipality.",
  })
  async zoneOccupancy(@Ctx() ctx: Context): Promise<ZoneOccupancy[]> {
    const counts = await zoneCounts(ctx.em, ctx.viewer!.municipalityId!, ctx.now);
    return counts.map((count) => toZoneOccupancy(count, ctx.now));
  }

  @Subscription(() => ZoneOccupancy, {
    description:
      "A zone's count of running sessions each time sessions in the admin's municipality start or end.",
    subscribe: ({ context }: { context: Context }) => {
      authorizeSubscription(context, ['municipalAdmin']);
      const viewer = context.viewer!;
      return context.pubSub.subscribe(
        Topic.ZoneEvents,
        [viewer.municipalityId!],
        () => true,
        endsWithAccess(viewer),
      );
    },
  })
  async zoneOccupancyChanged(
    @Root() payload: ZoneEventPayload,
    @Ctx() ctx: Context,
  ): Promise<ZoneOccupancy> {
    const at = new Date(payload.at);
    const [count] = await zoneCounts(ctx.em, ctx.viewer!.municipalityId!, at, payload.zoneId);
    return toZoneOccupancy(count!, at);
  }
}
