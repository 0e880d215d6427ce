import { registerEnumType } from 'type-graphql';

/**
 * Whether an amount of a session or a ledger row is held back or final (docs/graphql.md,
 * "Reserved or final"): a partner must not show a reservation as what a visit cost.
 */
export const amountStates = ['reserved', 'final'] as const;
export type AmountState = (typeof amountStates)[number];

export const AmountStateEnum = Object.fromEntries(amountStates.map((s) => [s, s])) as Record<
  AmountState,
  AmountState
>;
registerEnumType(AmountStateEnum, {
  name: 'AmountState',
  description:
    'Whether an amount is held back for a session that is not settled yet, or final (docs/graphql.md, Reserved or final).',
  valuesConfig: {
    reserved: {
      description:
        'Held back from the balance for a planned or running session (or one that ended moments ago and is not settled yet): the final amount is not known; what the session does not use comes back when it is settled.',
    },
    final: {
      description:
        "Settled: a session's charge, or a change of the balance that will not be adjusted.",
    },
  },
});

/** A session's amount is reserved until settlement sets its charge. */
export const amountStateOfSession = (session: { readonly charge?: number | null }): AmountState =>
  session.charge === null || session.charge === undefined ? 'reserved' : 'final';
