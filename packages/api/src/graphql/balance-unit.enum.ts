import { registerEnumType } from 'type-graphql';
import { balanceUnits, type BalanceUnit } from '@parkeer/shared/balance-unit';

/** One GraphQL enum for every balance unit field; registering a name twice breaks the schema. */
export const BalanceUnitEnum = Object.fromEntries(balanceUnits.map((u) => [u, u])) as Record<
  BalanceUnit,
  BalanceUnit
>;
registerEnumType(BalanceUnitEnum, {
  name: 'BalanceUnit',
  description: 'What a balance counts: minutes of parking, or euro cents.',
  valuesConfig: {
    minutes: { description: 'Minutes of parking.' },
    cents: { description: 'Euro cents.' },
  },
});
