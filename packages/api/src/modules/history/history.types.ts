import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { BalanceUnit } from '@parkeer/shared/balance-unit';
import { ConnectionType } from '../../graphql/connection.js';
import { ledgerKinds, type LedgerKind } from '../../model/ledger-entry.entity.js';
import type { SessionStatus } from '../../model/parking-session.entity.js';
// One GraphQL type per name: the session module registers these, history reuses them.
import { AmountStateEnum, type AmountState } from '../../graphql/amount-state.enum.js';
import { BalanceUnitEnum } from '../../graphql/balance-unit.enum.js';
import { CostSegment, SessionStatusEnum } from '../session/session.types.js';

const enumOf = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((value) => [value, value])) as Record<T, T>;

export const LedgerKindEnum = enumOf(ledgerKinds);
registerEnumType(LedgerKindEnum, {
  name: 'LedgerKind',
  description: 'Why a balance changed.',
  valuesConfig: {
    topUp: { description: 'A paid top-up added balance.' },
    reserve: {
      description:
        'Balance held for a planned or running session (negative); see amountState: reserved until the session is settled.',
    },
    charge: { description: "A session's final charge beyond what it had reserved." },
    release: {
      description:
        'The part of a reservation a session did not use, given back when it was stopped, shortened, deleted or settled.',
    },
    delegationGrant: {
      description:
        "Balance moved from the permit to a delegation (or, in the delegation's pot, received).",
    },
    delegationReturn: {
      description: 'What was left of a delegation, moved back to the permit when it was revoked.',
    },
    careGrant: { description: 'Informal-care minutes granted by the town (docs/rules.md §4).' },
    compensation: { description: 'Paid minutes credited back after an outage.' },
    refund: {
      description:
        'Unused purchased balance taken off because it was paid back (a revoked or moved permit).',
    },
    permitFee: { description: "A counter permit's price and fee were paid (see moneyCents)." },
    permitRefund: {
      description: "Part of a counter permit's price paid back on an early end (see moneyCents).",
    },
  },
});

@ObjectType('SessionHistoryItem', { description: 'A session as the history shows it.' })
export class SessionHistoryItemDto {
  @Field(() => ID, { description: 'The session (Session.id).' })
  id!: string;

  @Field(() => String, { description: 'Normalised; an anonymous marker after retention.' })
  plate!: string;

  @Field(() => String, { description: 'As shown, e.g. XX-999-X.' })
  formattedPlate!: string;

  @Field(() => String, { description: "The plate's country, ISO 3166-1 alpha-2." })
  country!: string;

  @Field(() => Date, { description: 'When it started (or starts).' })
  start!: Date;

  @Field(() => Date, { description: 'The end that was set.' })
  end!: Date;

  @Field(() => Date, { nullable: true, description: 'When it was stopped before its end.' })
  stoppedAt!: Date | null;

  @Field(() => SessionStatusEnum, { description: 'Where it stands now.' })
  status!: SessionStatus;

  @Field(() => Int, {
    description: 'The charge of an ended session, else what it holds of the balance.',
  })
  cost!: number;

  @Field(() => AmountStateEnum, {
    description:
      'reserved: `cost` is what the session holds of the balance and may still come down; final: it is the charge.',
  })
  amountState!: AmountState;

  @Field(() => BalanceUnitEnum, { nullable: true, description: 'Null: a product without balance.' })
  unit!: BalanceUnit | null;

  @Field(() => String, { nullable: true, description: 'Who started it, when a delegate did.' })
  startedByEmail!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The name of the app that started it for the holder, with their consent (channel partner); null: no app did.',
  })
  startedByApp!: string | null;

  @Field(() => Boolean, { description: "Started through a delegation, from the delegation's pot." })
  delegated!: boolean;

  @Field(() => [CostSegment], {
    description: 'Per paid window, for ended sessions; their costs add up to the charge.',
  })
  segments!: CostSegment[];
}

@ObjectType('SessionHistoryConnection', {
  description: "A page of a permit's sessions, newest first (docs/graphql.md, Lists: connections).",
})
export class SessionHistoryConnection extends ConnectionType(
  SessionHistoryItemDto,
  'SessionHistory',
) {}

@ObjectType('Transaction', { description: 'One change of a balance (a ledger row).' })
export class TransactionDto {
  @Field(() => ID, { description: 'The ledger row.' })
  id!: string;

  @Field(() => LedgerKindEnum, { description: 'Why the balance changed.' })
  kind!: LedgerKind;

  @Field(() => Int, { description: 'Signed: positive adds to the balance.' })
  amount!: number;

  @Field(() => Int, { description: 'The balance right after this change.' })
  balanceAfter!: number;

  @Field(() => Int, {
    nullable: true,
    description:
      "Money that changed hands with this row, in euro cents: positive paid by the holder (a counter permit's price and fee), negative paid back (a refund on ending). Null for rows that only move a balance.",
  })
  moneyCents!: number | null;

  @Field(() => AmountStateEnum, {
    description:
      "reserved: a reservation for a session that is not settled yet (part may come back as a release row); final: every other row, and a settled session's reservation.",
  })
  amountState!: AmountState;

  @Field(() => Date, { description: 'When the balance changed.' })
  at!: Date;

  @Field(() => BalanceUnitEnum, {
    description: 'The unit of amount and balanceAfter; null for a permit without balance.',
    nullable: true,
  })
  unit!: BalanceUnit | null;

  @Field(() => ID, {
    description: 'The session it belongs to (reserve, charge, release, compensation); else null.',
    nullable: true,
  })
  sessionId!: string | null;

  @Field(() => ID, { description: 'The payment it belongs to (topUp); else null.', nullable: true })
  paymentId!: string | null;

  @Field(() => String, { nullable: true, description: "The session's plate, if any." })
  plate!: string | null;

  @Field(() => String, {
    description: "The session's plate as shown (XX-999-X), if any.",
    nullable: true,
  })
  formattedPlate!: string | null;
}

@ObjectType('TransactionConnection', {
  description:
    "A page of a permit's balance changes, newest first (docs/graphql.md, Lists: connections).",
})
export class TransactionConnection extends ConnectionType(TransactionDto, 'Transaction') {}
