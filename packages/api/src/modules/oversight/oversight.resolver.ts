import { Authorized, Ctx, Query, Resolver, Root, Subscription } from 'type-graphql';
import { authorizeSubscription } from '../../graphql/auth-checker.js';
import type { Context } from '../../graphql/context.js';
import { Topic, type ZoneEventPayload } from '../../graphql/pubsub.js';
import { endsWithAccess } from '../../graphql/subscription-access.js';
import { adminTown } from '../admin/admin-scope.js';
import { toMunicipalityDto } from '../product/product.mapper.js';
import { MunicipalityDto } from '../product/product.types.js';
import {
  HourCount,
  ZoneHourOccupancy,
  ZoneOccupancy,
  ZoneOccupancyDay,
} from './oversight.types.js';
import { municipalityOf } from './admin-municipality.js';
import { sessionStartsToday } from './session-starts.js';
import { zoneCounts, type ZoneCount } from './zone-occupancy.js';
import { zoneDays } from './zone-day.js';

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

  @Authorized('municipalAdmin')
  @Query(() => [HourCount], {
    description:
      "Sessions started in the admin's municipality per hour of today (local time), every hour of the day included.",
  })
  async sessionStartsToday(@Ctx() ctx: Context): Promise<HourCount[]> {
    const hours = await sessionStartsToday(ctx.em, adminTown(ctx), ctx.now);
    return hours.map((hour) => Object.assign(new HourCount(), hour));
  }

  @Authorized('municipalAdmin')
  @Query(() => [ZoneOccupancyDay], {
    description:
      "Each zone of the admin's municipality over today (local time): the sessions that ran in it per hour, up to now.",
  })
  async zoneOccupancyToday(@Ctx() ctx: Context): Promise<ZoneOccupancyDay[]> {
    const days = await zoneDays(ctx.em, adminTown(ctx), ctx.now);
    return days.map((day) =>
      Object.assign(new ZoneOccupancyDay(), {
        zoneId: day.zoneId,
        zoneCode: day.code,
        zoneName: day.name,
        hours: day.hours.map((hour) => Object.assign(new ZoneHourOccupancy(), hour)),
      }),
    );
  }

  @Authorized('municipalAdmin', 'municipalDesk')
  @Query(() => MunicipalityDto, {
    description:
      'The municipality the admin manages or the desk employee works for (the back office shows its name).',
  })
  async adminMunicipality(@Ctx() ctx: Context): Promise<MunicipalityDto> {
    return toMunicipalityDto(await municipalityOf(ctx.em, adminTown(ctx)));
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
