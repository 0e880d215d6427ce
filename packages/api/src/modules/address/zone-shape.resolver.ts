import { eitherName, useName } from '../../graphql/renamed-argument.js';
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { actorOf, type Context } from '../../graphql/context.js';
import { ZoneShapeService, type ZoneShapeView } from './zone-shape.service.js';
import { RezonedPermitDto, ZoneShapeDto, ZoneShapeInput } from './zone-shape.types.js';

const toDto = ({ zone, addressCount, rezoning }: ZoneShapeView): ZoneShapeDto =>
  Object.assign(new ZoneShapeDto(), {
    zoneId: zone.id,
    code: zone.code,
    name: zone.name,
    ranges: (zone.shape?.ranges ?? []).map((range) => ({ ...range })),
    area: zone.shape?.area ? JSON.stringify(zone.shape.area) : null,
    addressCount,
    movedAddresses: rezoning?.movedAddresses ?? null,
    affectedPermits:
      rezoning?.affectedPermits.map((permit) =>
        Object.assign(new RezonedPermitDto(), {
          permitId: permit.id,
          productCode: permit.productCode,
          productTypeCode: permit.productType.code,
          addressLabel: permit.addressLabel,
          zoneCode: permit.zone.code,
          validUntil: permit.validUntil ?? null,
        }),
      ) ?? null,
  });

@Resolver()
export class ZoneShapeResolver {
  @Authorized('municipalAdmin')
  @Query(() => [ZoneShapeDto], {
    description: "Where each zone of the admin's town lies (docs/rules.md §3), by code.",
  })
  async zoneShapes(@Ctx() ctx: Context): Promise<ZoneShapeDto[]> {
    return (await new ZoneShapeService(ctx.em, actorOf(ctx)).list()).map(toDto);
  }

  @Authorized('municipalAdmin')
  @Mutation(() => ZoneShapeDto, {
    description:
      'Sets where a zone lies: address ranges and/or an area (docs/rules.md §3). Addresses found in the registry or imported afterwards are placed by it, and known addresses the shapes placed follow the change (docs/rules.md §3 re-zoning): the answer says how many moved and which permits are at them.',
  })
  async setZoneShape(
    @Arg('id', () => ID, {
      nullable: true,
      description: 'The zone (AdminZone.id); required (or, deprecated, zoneId).',
    })
    id: string | null,
    @Arg('zoneId', () => ID, {
      nullable: true,
      description: 'The zone (AdminZone.id).',
      deprecationReason: useName('id'),
    })
    zoneId: string | null,
    @Arg('shape', () => ZoneShapeInput, { description: 'The new shape; it replaces the old one.' })
    shape: ZoneShapeInput,
    @Ctx() ctx: Context,
  ): Promise<ZoneShapeDto> {
    const zone = eitherName(id, zoneId);
    return toDto(await new ZoneShapeService(ctx.em, actorOf(ctx)).set(zone, shape));
  }
}
