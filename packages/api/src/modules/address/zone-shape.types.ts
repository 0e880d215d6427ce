import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { RangeParity } from '@parkeer/domain/zone-shape/zone-shape';

export const RangeParityEnum = { all: 'all', odd: 'odd', even: 'even' } as const;
registerEnumType(RangeParityEnum, {
  name: 'RangeParity',
  description: 'Which house numbers of a range count.',
  valuesConfig: {
    all: { description: 'Every number.' },
    odd: { description: 'Odd numbers only (one side of the street).' },
    even: { description: 'Even numbers only.' },
  },
});

@ObjectType('AddressRange', {
  description: 'Addresses from one postcode to another with house numbers in a range.',
})
export class AddressRangeDto {
  @Field(() => String, { description: "The first postcode, '2611AA'." })
  postcodeFrom!: string;

  @Field(() => String, { description: 'The last postcode (inclusive).' })
  postcodeTo!: string;

  @Field(() => Int, { description: 'The lowest house number.' })
  houseNumberFrom!: number;

  @Field(() => Int, { description: 'The highest house number (inclusive).' })
  houseNumberTo!: number;

  @Field(() => RangeParityEnum, { description: 'Which numbers in between count.' })
  parity!: RangeParity;
}

@InputType({ description: 'Addresses from one postcode to another with house numbers in a range.' })
export class AddressRangeInput {
  @Field(() => String, { description: "The first postcode, '2611AA'." })
  postcodeFrom!: string;

  @Field(() => String, { description: 'The last postcode (inclusive).' })
  postcodeTo!: string;

  @Field(() => Int, { description: 'The lowest house number.' })
  houseNumberFrom!: number;

  @Field(() => Int, { description: 'The highest house number (inclusive).' })
  houseNumberTo!: number;

  @Field(() => RangeParityEnum, {
    description: 'Which numbers in between count (default all).',
    nullable: true,
  })
  parity?: RangeParity | null;
}

@ObjectType('RezonedPermit', {
  description:
    'A permit at an address a shape change moved (docs/rules.md §3 re-zoning): it keeps its zone and right until its term ends.',
})
export class RezonedPermitDto {
  @Field(() => ID, { description: 'The permit (AdminPermit.id).' })
  permitId!: string;

  @Field(() => String, { description: "The permit's product code." })
  productCode!: string;

  @Field(() => String, { description: 'The permit type’s code, e.g. visitor-permit.' })
  productTypeCode!: string;

  @Field(() => String, { description: "The permit's address as printed." })
  addressLabel!: string;

  @Field(() => String, { description: 'The zone the permit stays valid in.' })
  zoneCode!: string;

  @Field(() => Date, { nullable: true, description: 'When its term ends; null: open-ended.' })
  validUntil!: Date | null;
}

@ObjectType('ZoneShape', {
  description: 'Where a zone lies (docs/rules.md §3): address ranges and/or an area.',
})
export class ZoneShapeDto {
  @Field(() => ID, { description: "The zone's id." })
  zoneId!: string;

  @Field(() => String, { description: "The zone's code." })
  code!: string;

  @Field(() => String, { description: "The zone's name." })
  name!: string;

  @Field(() => [AddressRangeDto], { description: 'Address ranges; a range wins over an area.' })
  ranges!: AddressRangeDto[];

  @Field(() => String, {
    nullable: true,
    description:
      'The area as GeoJSON (Polygon or MultiPolygon) in RD coordinates (EPSG:28992); null: none.',
  })
  area!: string | null;

  @Field(() => Int, { description: 'Addresses of the town in this zone now.' })
  addressCount!: number;

  @Field(() => Int, {
    nullable: true,
    description:
      'After a change: the known addresses that moved to another zone or to none (docs/rules.md §3 re-zoning); null in lists.',
  })
  movedAddresses!: number | null;

  @Field(() => [RezonedPermitDto], {
    nullable: true,
    description:
      'After a change: the permits at moved addresses that still give a right; each keeps its zone until its term ends. Null in lists.',
  })
  affectedPermits!: RezonedPermitDto[] | null;
}

@InputType({ description: "A zone's new shape; it replaces the old one." })
export class ZoneShapeInput {
  @Field(() => [AddressRangeInput], { description: 'Address ranges (may be empty).' })
  ranges!: AddressRangeInput[];

  @Field(() => String, {
    nullable: true,
    description:
      'GeoJSON Polygon or MultiPolygon in RD coordinates (EPSG:28992); null or empty: none.',
  })
  area?: string | null;
}
