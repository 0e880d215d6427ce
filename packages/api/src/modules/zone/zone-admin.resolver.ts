import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { actorOf, type Context } from '../../graphql/context.js';
import { ZoneAdminService } from './zone-admin.service.js';
import {
  AdminZone,
  ZoneEmissionRuleInput,
  ZoneInput,
  ZoneRegimeInput,
} from './zone-admin.types.js';
import type { Zone } from '../../model/zone.entity.js';

const toAdminZone = (zone: Zone): AdminZone =>
  Object.assign(new AdminZone(), {
    id: zone.id,
    code: zone.code,
    name: zone.name,
    emissionRule: zone.emissionRule
      ? {
          diesel: zone.emissionRule.minimumEuroClass.diesel ?? null,
          petrol: zone.emissionRule.minimumEuroClass.petrol ?? null,
          lpg: zone.emissionRule.minimumEuroClass.lpg ?? null,
          cng: zone.emissionRule.minimumEuroClass.cng ?? null,
        }
      : null,
    regime: {
      weekly: zone.regime.weekly.map((w) => ({ ...w })),
      exceptions: zone.regime.exceptions.map((e) => ({
        date: e.date,
        label: e.label ?? null,
        windows: e.windows.map((w) => ({ ...w })),
      })),
    },
  });

@Resolver()
export class ZoneAdminResolver {
  @Authorized('municipalAdmin')
  @Query(() => [AdminZone], { description: "The zones of the admin's municipality, by code." })
  async adminZones(@Ctx() ctx: Context): Promise<AdminZone[]> {
    return (await new ZoneAdminService(ctx.em, actorOf(ctx)).list()).map(toAdminZone);
  }

  @Authorized('municipalAdmin')
  @Query(() => AdminZone, { description: "One zone of the admin's municipality." })
  async adminZone(
    @Arg('id', () => ID, { description: "The zone; another town's is NOT_FOUND." }) id: string,
    @Ctx() ctx: Context,
  ): Promise<AdminZone> {
    return toAdminZone(await new ZoneAdminService(ctx.em, actorOf(ctx)).get(id));
  }

  @Authorized('municipalAdmin')
  @Mutation(() => AdminZone, { description: 'A new zone, with its paid hours (default: none).' })
  async createZone(
    @Arg('input', () => ZoneInput, { description: 'Its code and name.' }) input: ZoneInput,
    @Arg('regime', () => ZoneRegimeInput, {
      description: 'Its paid hours; left out: none.',
      nullable: true,
    })
    regime: ZoneRegimeInput | null,
    @Ctx() ctx: Context,
  ): Promise<AdminZone> {
    return toAdminZone(await new ZoneAdminService(ctx.em, actorOf(ctx)).create(input, regime));
  }

  @Authorized('municipalAdmin')
  @Mutation(() => AdminZone, { description: "Changes a zone's code and name." })
  async updateZone(
    @Arg('id', () => ID, { description: 'The zone (AdminZone.id).' }) id: string,
    @Arg('input', () => ZoneInput, { description: 'Its new code and name.' }) input: ZoneInput,
    @Ctx() ctx: Context,
  ): Promise<AdminZone> {
    return toAdminZone(await new ZoneAdminService(ctx.em, actorOf(ctx)).update(id, input));
  }

  @Authorized('municipalAdmin')
  @Mutation(() => AdminZone, {
    description:
      "Replaces a zone's paid hours (weekly and dated exceptions). Sessions already settled keep their charge; sessions still to settle follow the new hours.",
  })
  async setZoneRegime(
    @Arg('id', () => ID, { description: 'The zone (AdminZone.id).' }) id: string,
    @Arg('regime', () => ZoneRegimeInput, {
      description: 'The whole regime; it replaces the stored one.',
    })
    regime: ZoneRegimeInput,
    @Ctx() ctx: Context,
  ): Promise<AdminZone> {
    return toAdminZone(await new ZoneAdminService(ctx.em, actorOf(ctx)).setRegime(id, regime));
  }

  @Authorized('municipalAdmin')
  @Mutation(() => AdminZone, {
    description:
      "Sets or removes a zone's emission rule (docs/rules.md §2 emission rule); it applies to applications and plate changes from now on, not to permits already granted.",
  })
  async setZoneEmissionRule(
    @Arg('id', () => ID, { description: 'The zone (AdminZone.id).' }) id: string,
    @Arg('rule', () => ZoneEmissionRuleInput, {
      nullable: true,
      description: 'Null: no rule.',
    })
    rule: ZoneEmissionRuleInput | null,
    @Ctx() ctx: Context,
  ): Promise<AdminZone> {
    return toAdminZone(await new ZoneAdminService(ctx.em, actorOf(ctx)).setEmissionRule(id, rule));
  }
}
