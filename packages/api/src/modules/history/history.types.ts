import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { BalanceUnit } from '@parkeer/shared/balance-unit';
import { ConnectionType } from '../../graphql/connection.js';
import { ledgerKinds, type LedgerKind } from '../../model/ledger-entry.entity.js';
import type { SessionStatus } from '../../model/parking-session.entity.js';
// One GraphQL type per name: the session module registers these, history reuses them.
import { BalanceUnitEnum } from '../../graphql/balance-unit.enum.js';
import { CostSegment, SessionStatusEnum } from '../session/session.types.js';

const enumOf = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((value) => [value, value])) as Record<T, T>;

export const LedgerKindEnum = enumOf(ledgerKinds);
registerEnumType(LedgerKindEnum, { name: 'LedgerKind', description: 'Why a balance changed.' });

@ObjectType('SessionHistoryItem', { description: 'A session as the history shows it.' })
export class SessionHistoryItemDto {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'Normalised; an anonymous marker after retention.' })
  plate!: string;

  @Field(() => String)
  formattedPlate!: string;

  @Field(() => String)
  country!: string;

  @Field(() => Date)
  start!: Date;

  @Field(() => Date, { description: 'The end that was set.' })
  end!: Date;

  @Field(() => Date, { nullable: true, description: 'When it was stopped before its end.' })
  stoppedAt!: Date | null;

  @Field(() => SessionStatusEnum)
  status!: SessionStatus;

  @Field(() => Int, {
    description: 'The charge of an ended session, else what it holds of the balance.',
  })
  cost!: number;

  @Field(() => BalanceUnitEnum, { nullable: true, description: 'Null: a product without balance.' })
  unit!: BalanceUnit | null;

  @Field(() => String, { nullable: true, description: 'Who started it, when a delegate did.' })
  startedByEmail!: string | null;

  @Field(() => Boolean, { description: "Started through a delegation, from the delegation's pot." })
  delegated!: boolean;

  @Field(() => [CostSegment], {
    description: 'Per paid window, for ended sessions; their costs add up to the charge.',
  })
  segments!: CostSegment[];
}

@ObjectType('SessionHistoryConnection')
export class SessionHistoryConnection extends ConnectionType(
  SessionHistoryItemDto,
  'SessionHistory',
) {}

@ObjectType('Transaction', { description: 'One change of a balance (a ledger row).' })
export class TransactionDto {
  @Field(() => ID)
  id!: string;

  @Field(() => LedgerKindEnum)
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

  @Field(() => Date)
  at!: Date;

  @Field(() => BalanceUnitEnum, { nullable: true })
  unit!: BalanceUnit | null;

  @Field(() => ID, { nullable: true })
  sessionId!: string | null;

  @Field(() => ID, { nullable: true })
  paymentId!: string | null;

  @Field(() => String, { nullable: true, description: "The session's plate, if any." })
  plate!: string | null;

  @Field(() => String, { nullable: true })
  formattedPlate!: string | null;
}

@ObjectType('TransactionConnection')
export class TransactionConnection extends ConnectionType(TransactionDto, 'Transaction') {}
