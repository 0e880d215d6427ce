import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

export const waitingListStatuses = ['waitlisted', 'offered'] as const;
export type WaitingListStatus = (typeof waitingListStatuses)[number];
export const WaitingListStatusEnum = Object.fromEntries(
  waitingListStatuses.map((status) => [status, status]),
) as { [K in WaitingListStatus]: K };
registerEnumType(WaitingListStatusEnum, {
  name: 'WaitingListStatus',
  description: 'waitlisted: in line; offered: a place is offered, to be paid before its deadline.',
  valuesConfig: {
    waitlisted: { description: 'In line for a place.' },
    offered: { description: 'Offered a place, to be paid before offerExpiresAt.' },
  },
});

@ObjectType('ZoneQuota', {
  description:
    'A quota of one permit type in one zone (docs/rules.md §2 quotas) with the places it holds now.',
})
export class ZoneQuotaDto {
  @Field(() => ID, { description: 'The quota.' })
  id!: string;

  @Field(() => ID, { description: 'The zone.' })
  zoneId!: string;

  @Field(() => String, { description: "The zone's code." })
  zoneCode!: string;

  @Field(() => ID, { description: 'The permit type.' })
  productTypeId!: string;

  @Field(() => String, { description: "The permit type's code." })
  productTypeCode!: string;

  @Field(() => String, { description: "The permit type's name in the viewer's language." })
  productName!: string;

  @Field(() => Int, { description: 'At most this many places.' })
  limit!: number;

  @Field(() => Int, { description: 'Local days an offer stays open to be paid.' })
  offerDays!: number;

  @Field(() => Int, { description: "Active and blocked permits that haven't ended." })
  permits!: number;

  @Field(() => Int, { description: 'Open offers.' })
  offers!: number;

  @Field(() => Int, { description: 'New applications awaiting payment or review.' })
  applications!: number;

  @Field(() => Int, { description: 'Places taken: permits, offers and applications together.' })
  taken!: number;

  @Field(() => Int, { description: 'Applications waiting in line.' })
  waiting!: number;
}

@ObjectType('WaitingListEntry', { description: 'An application on a waiting list.' })
export class WaitingListEntryDto {
  @Field(() => ID, { description: 'The application.' })
  applicationId!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Its place in line, 1 first; null while offered.',
  })
  position!: number | null;

  @Field(() => WaitingListStatusEnum, { description: 'In line, or offered a place.' })
  status!: WaitingListStatus;

  @Field(() => String, { description: "The applicant's address as printed." })
  addressLabel!: string;

  @Field(() => Date, { description: 'When it joined the list (when it was filed).' })
  joinedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'While offered: when the offer lapses.' })
  offerExpiresAt!: Date | null;
}

@InputType({ description: 'A quota of a permit type in a zone.' })
export class SetQuotaInput {
  @Field(() => ID, { description: 'The zone.' })
  zoneId!: string;

  @Field(() => ID, { description: 'The permit type.' })
  productTypeId!: string;

  @Field(() => Int, { nullable: true, description: 'At most this many places; null: no quota.' })
  limit!: number | null;

  @Field(() => Int, {
    defaultValue: 14,
    description: 'Local days an offer stays open to be paid (1–60).',
  })
  offerDays!: number;
}
