/** What a product's balance counts: minutes of parking time, or euro cents. */
export const balanceUnits = ['minutes', 'cents'] as const;
export type BalanceUnit = (typeof balanceUnits)[number];
