import { useIdOfPermit } from '../../graphql/permit-id.js';
import { deprecatedForCode, Refusal } from '../../graphql/refusal.js';
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
import { AmountStateEnum, type AmountState } from '../../graphql/amount-state.enum.js';
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
registerEnumType(SessionStatusEnum, {
  description: 'Where a session stands.',
  name: 'SessionStatus',
  valuesConfig: {
    planned: { description: 'Starts later; its reservation is held.' },
    running: { description: 'Running now; its reservation is held.' },
    ended: { description: 'Over: stopped or reached its end; its charge is final.' },
    deleted: {
      description: 'A planned session taken back before it started; nothing was charged.',
    },
  },
});
export const ChannelEnum = enumOf(channels);
registerEnumType(ChannelEnum, {
  name: 'Channel',
  description: 'Where a session was started.',
  valuesConfig: {
    web: { description: 'The web app.' },
    app: { description: 'A mobile app.' },
    phone: { description: 'The phone line.' },
    partner: { description: "A partner's app." },
    desk: { description: 'The municipal desk, for a caller.' },
  },
});

@ObjectType('Session', { description: 'A visitor parking session on a product.' })
export class SessionDto {
  @Field(() => ID, { description: 'The session.' })
  id!: string;

  @Field(() => ID, { description: 'The product (permit) it runs on.' })
  permitId!: string;

  @Field(() => ID, {
    description: 'The product (permit) it runs on.',
    deprecationReason: useIdOfPermit,
  })
  productId!: string;

  @Field(() => String, { description: 'Normalised: upper case letters and digits.' })
  plate!: string;

  @Field(() => String, { description: 'As shown, e.g. XX-999-X.' })
  formattedPlate!: string;

  @Field(() => String, { description: "The plate's country, ISO 3166-1 alpha-2." })
  country!: string;

  @Field(() => Date, { description: 'When it starts (planned) or started.' })
  start!: Date;

  @Field(() => Date, { description: 'When it ends; it can be changed while it has not.' })
  end!: Date;

  @Field(() => Date, {
    description: 'When it was stopped before its end; null otherwise.',
    nullable: true,
  })
  stoppedAt!: Date | null;

  @Field(() => SessionStatusEnum, { description: 'As of now.' })
  status!: SessionStatus;

  @Field(() => Int, { description: 'What the session holds of the balance, in the unit.' })
  reservation!: number;

  @Field(() => Int, { nullable: true, description: 'What was charged, once it ended.' })
  charge!: number | null;

  @Field(() => AmountStateEnum, {
    description:
      'reserved: `reservation` is held back and the final amount is not known yet (charge is null); final: `charge` is what it cost.',
  })
  amountState!: AmountState;

  @Field(() => BalanceUnitEnum, { description: 'The unit of reservation and charge.' })
  unit!: BalanceUnit;

  @Field(() => ChannelEnum, { description: 'Where it was started.' })
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

  @Field(() => Date, { description: 'Where the stretch starts.' })
  start!: Date;

  @Field(() => Date, { description: 'Where the stretch ends.' })
  end!: Date;

  @Field(() => Int, { description: 'Paid minutes in the stretch.' })
  minutes!: number;

  @Field(() => Int, { description: 'In the product unit.' })
  cost!: number;
}

@ObjectType({ description: 'A session the rules accept, with what it costs.' })
export class SessionQuote {
  @Field(() => String, { description: 'Normalised: upper case letters and digits.' })
  plate!: string;

  @Field(() => String, { description: 'As shown, e.g. XX-999-X.' })
  formattedPlate!: string;

  @Field(() => Date, { description: 'When it starts.' })
  start!: Date;

  @Field(() => Date, { description: 'When it ends.' })
  end!: Date;

  @Field(() => Int, { description: 'Paid minutes: only time inside paid-parking hours counts.' })
  paidMinutes!: number;

  @Field(() => Int, { description: 'The expected cost, in the product unit.' })
  cost!: number;

  @Field(() => Int, { description: 'What is taken from the balance now.' })
  reservation!: number;

  @Field(() => BalanceUnitEnum, { description: 'The unit of cost and reservation.' })
  unit!: BalanceUnit;

  @Field(() => Boolean, { description: 'Starts later: a planned session.' })
  planned!: boolean;

  @Field(() => Boolean, {
    description:
      'Starts at the moment it was decided. Accept such a proposal by asking again without `start` (its start would be in the past by then), with its `end`.',
  })
  startsNow!: boolean;

  @Field(() => Boolean, {
    description: 'The balance covers only part: the session runs until coveredUntil.',
  })
  runsToZero!: boolean;

  @Field(() => Date, { description: 'Until when the balance pays; the end unless runsToZero.' })
  coveredUntil!: Date;

  @Field(() => [CostSegment], { description: 'The cost per paid window.' })
  segments!: CostSegment[];
}

@ObjectType({ description: 'The session was started or changed.' })
export class SessionAccepted {
  @Field(() => SessionDto, { description: 'The session now.' })
  session!: SessionDto;

  @Field(() => SessionQuote, {
    nullable: true,
    description:
      "The decision behind it; a retry with the same key gets the first call's answer, quote included.",
  })
  quote!: SessionQuote | null;
}

@ObjectType({
  implements: Refusal,
  description:
    'The rules refuse the session. Accept the proposal, if any, by asking again with its start and end.',
})
export class SessionRefused implements Refusal {
  @Field(() => String, {
    description: 'A code from the shared catalogue, e.g. SESSION_*.',
    deprecationReason: deprecatedForCode,
  })
  reason!: string;

  @Field(() => String, { description: 'A code from the shared catalogue, e.g. SESSION_*.' })
  get code(): string {
    return this.reason;
  }

  @Field(() => String, { description: "In the viewer's language." })
  message!: string;

  @Field(() => GraphQLJSONObject, {
    description: "Raw values of the message (amounts in the product's unit, moments as ISO 8601).",
    nullable: true,
  })
  params!: Record<string, string | number> | null;

  @Field(() => SessionQuote, {
    description:
      'A session the same checks accept (a shorter end, a later start); null: none. Accept it by asking again with its start and end.',
    nullable: true,
  })
  proposal!: SessionQuote | null;
}

export const QuoteResult = createUnionType({
  description: 'What a session would do and cost, or why the rules refuse it.',
  name: 'QuoteResult',
  types: () => [SessionQuote, SessionRefused] as const,
  resolveType: (value) => (value instanceof SessionRefused ? SessionRefused : SessionQuote),
});

export const SessionResult = createUnionType({
  description: 'The session as started or changed, or why the rules refuse it.',
  name: 'SessionResult',
  types: () => [SessionAccepted, SessionRefused] as const,
  resolveType: (value) => (value instanceof SessionRefused ? SessionRefused : SessionAccepted),
});

@InputType({ description: 'A session as it would be started (quoteSession).' })
export class SessionRequestInput {
  @Field(() => ID, {
    nullable: true,
    description: 'The permit (Product.id); required (or, deprecated, productId).',
  })
  permitId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The permit (Product.id).',
    deprecationReason: useIdOfPermit,
  })
  productId?: string | null;

  @Field(() => String, { description: 'The plate as typed; separators and case do not matter.' })
  plate!: string;

  @Field(() => String, { nullable: true, description: 'ISO country of a foreign plate.' })
  country?: string | null;

  @Field(() => Date, { nullable: true, description: 'Omitted: now. Later: a planned session.' })
  start?: Date | null;

  @Field(() => Date, { nullable: true, description: "Omitted: the product's default end." })
  end?: Date | null;
}

@InputType({ description: 'A session to start or plan.' })
export class StartSessionInput extends SessionRequestInput {
  // type-graphql copies an inherited input field without its deprecation: said again here.
  @Field(() => ID, {
    nullable: true,
    description: 'The permit (Product.id).',
    deprecationReason: useIdOfPermit,
  })
  declare productId?: string | null;

  @Field(() => String, {
    description: 'Unique per attempt; a retry with the same key returns the first result.',
  })
  idempotencyKey!: string;
}

@InputType({ description: 'A new end for a running or planned session.' })
export class ChangeSessionEndInput {
  @Field(() => ID, { description: 'The session (Session.id).' })
  sessionId!: string;

  @Field(() => Date, { description: 'Its new end.' })
  end!: Date;

  @Field(() => String, {
    description:
      'New for each change, the same for each retry of it (docs/graphql.md, Idempotency keys).',
  })
  idempotencyKey!: string;
}

@ObjectType({ description: 'Running and planned sessions, with the counts for the tabs.' })
export class SessionList {
  @Field(() => [SessionDto], { description: 'Sessions running now, latest start first.' })
  running!: SessionDto[];

  @Field(() => [SessionDto], { description: 'Sessions that start later, earliest first.' })
  planned!: SessionDto[];

  @Field(() => Int, { description: 'How many are running.' })
  runningCount!: number;

  @Field(() => Int, { description: 'How many are planned.' })
  plannedCount!: number;
}
