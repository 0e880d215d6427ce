import { GraphQLJSONObject } from 'graphql-scalars';
import {
  createUnionType,
  Field,
  ID,
  InputType,
  Int,
  ObjectType,
  registerEnumType,
} from 'type-graphql';
import type { BalanceUnit } from '@parkeer/shared/balance-unit';
import { BalanceUnitEnum } from '../../graphql/balance-unit.enum.js';
import {
  channels,
  sessionStatuses,
  type Channel,
  type SessionStatus,
} from '../../model/parking-session.entity.js';

const enumOf = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;

export const SessionStatusEnum = enumOf(sessionStatuses);
registerEnumType(SessionStatusEnum, { name: 'SessionStatus' });
export const ChannelEnum = enumOf(channels);
registerEnumType(ChannelEnum, { name: 'Channel', description: 'Where a session was started.' });

@ObjectType('Session', { description: 'A visitor parking session on a product.' })
export class SessionDto {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: 'The product (permit) it runs on.' })
  productId!: string;

  @Field(() => String, { description: 'Normalised: upper case letters and digits.' })
  plate!: string;

  @Field(() => String, { description: 'As shown, e.g. XX-999-X.' })
  formattedPlate!: string;

  @Field(() => String)
  country!: string;

  @Field(() => Date)
  start!: Date;

  @Field(() => Date)
  end!: Date;

  @Field(() => Date, { nullable: true })
  stoppedAt!: Date | null;

  @Field(() => SessionStatusEnum, { description: 'As of now.' })
  status!: SessionStatus;

  @Field(() => Int, { description: 'What the session holds of the balance, in the unit.' })
  reservation!: number;

  @Field(() => Int, { nullable: true, description: 'What was charged, once it ended.' })
  charge!: number | null;

  @Field(() => BalanceUnitEnum)
  unit!: BalanceUnit;

  @Field(() => ChannelEnum)
  channel!: Channel;

  @Field(() => Boolean, { description: 'Started by a delegate, within a delegation.' })
  delegated!: boolean;

  @Field(() => Boolean, { description: 'Started by the viewer.' })
  startedByMe!: boolean;
}

@ObjectType({ description: 'One stretch of paid parking inside one paid window.' })
export class CostSegment {
  @Field(() => String, { description: 'Local date, YYYY-MM-DD.' })
  date!: string;

  @Field(() => Date)
  start!: Date;

  @Field(() => Date)
  end!: Date;

  @Field(() => Int)
  minutes!: number;

  @Field(() => Int, { description: 'In the product unit.' })
  cost!: number;
}

@ObjectType({ description: 'A session the rules accept, with what it costs.' })
export class SessionQuote {
  @Field(() => String)
  plate!: string;

  @Field(() => String)
  formattedPlate!: string;

  @Field(() => Date)
  start!: Date;

  @Field(() => Date)
  end!: Date;

  @Field(() => Int, { description: 'Paid minutes: only time inside paid-parking hours counts.' })
  paidMinutes!: number;

  @Field(() => Int, { description: 'The expected cost, in the product unit.' })
  cost!: number;

  @Field(() => Int, { description: 'What is taken from the balance now.' })
  reservation!: number;

  @Field(() => BalanceUnitEnum)
  unit!: BalanceUnit;

  @Field(() => Boolean, { description: 'Starts later: a planned session.' })
  planned!: boolean;

  @Field(() => Boolean, {
    description: 'The balance covers only part: the session runs until coveredUntil.',
  })
  runsToZero!: boolean;

  @Field(() => Date)
  coveredUntil!: Date;

  @Field(() => [CostSegment])
  segments!: CostSegment[];
}

@ObjectType({ description: 'The session was started or changed.' })
export class SessionAccepted {
  @Field(() => SessionDto)
  session!: SessionDto;

  @Field(() => SessionQuote, {
    nullable: true,
    description:
      "The decision behind it; a retry with the same key gets the first call's answer, quote included.",
  })
  quote!: SessionQuote | null;
}

@ObjectType({
  description:
    'The rules refuse the session. Accept the proposal, if any, by asking again with its start and end.',
})
export class SessionRefused {
  @Field(() => String, { description: 'A code from the shared catalogue, e.g. SESSION_*.' })
  reason!: string;

  @Field(() => String, { description: "In the viewer's language." })
  message!: string;

  @Field(() => GraphQLJSONObject, { nullable: true })
  params!: Record<string, string | number> | null;

  @Field(() => SessionQuote, { nullable: true })
  proposal!: SessionQuote | null;
}

export const QuoteResult = createUnionType({
  name: 'QuoteResult',
  types: () => [SessionQuote, SessionRefused] as const,
  resolveType: (value) => (value instanceof SessionRefused ? SessionRefused : SessionQuote),
});

export const SessionResult = createUnionType({
  name: 'SessionResult',
  types: () => [SessionAccepted, SessionRefused] as const,
  resolveType: (value) => (value instanceof SessionRefused ? SessionRefused : SessionAccepted),
});

@InputType()
export class SessionRequestInput {
  @Field(() => ID)
  productId!: string;

  @Field(() => String)
  plate!: string;

  @Field(() => String, { nullable: true, description: 'ISO country of a foreign plate.' })
  country?: string | null;

  @Field(() => Date, { nullable: true, description: 'Omitted: now. Later: a planned session.' })
  start?: Date | null;

  @Field(() => Date, { nullable: true, description: "Omitted: the product's default end." })
  end?: Date | null;
}

@InputType()
export class StartSessionInput extends SessionRequestInput {
  @Field(() => String, {
    description: 'Unique per attempt; a retry with the same key returns the first result.',
  })
  idempotencyKey!: string;
}

@InputType()
export class ChangeSessionEndInput {
  @Field(() => ID)
  sessionId!: string;

  @Field(() => Date)
  end!: Date;

  @Field(() => String)
  idempotencyKey!: string;
}

@ObjectType({ description: 'Running and planned sessions, with the counts for the tabs.' })
export class SessionList {
  @Field(() => [SessionDto])
  running!: SessionDto[];

  @Field(() => [SessionDto])
  planned!: SessionDto[];

  @Field(() => Int)
  runningCount!: number;

  @Field(() => Int)
  plannedCount!: number;
}
