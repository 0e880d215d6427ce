import { describe, expect, it } from 'vitest';
import { formatsFor } from '../../app/ui/format.js';
import { displayParams, instantOnDate, refusalText } from './refusal.js';

const nl = formatsFor('nl');
const en = formatsFor('en');
const nbsp = '\u00a0';

describe('refusal parameters', () => {
  it('formats amounts in the unit the refusal names, not the product’s', () => {
    // A money cap on a time balance: the cap's amounts are cents.
    expect(
      displayParams({ limit: 10500, used: 10500, remaining: 0, unit: 'cents' }, 'minutes', nl),
    ).toEqual({
      limit: `€${nbsp}105,00`,
      used: `€${nbsp}105,00`,
      remaining: `€${nbsp}0,00`,
      unit: 'cents',
    });
  });

  it('falls back to the product’s unit when the refusal names none', () => {
    expect(displayParams({ balance: 12000 }, 'minutes', en)).toEqual({ balance: '200 h' });
  });

  it('leaves numbers alone when no unit is known, and passes other text on', () => {
    expect(displayParams({ amount: 5, zone: 'B', nested: { a: 1 } }, null, nl)).toEqual({
      amount: 5,
      zone: 'B',
    });
  });

  it('writes calendar dates out in the interface language', () => {
    expect(displayParams({ nextPeriodStart: '2027-01-01' }, 'minutes', nl)).toEqual({
      nextPeriodStart: '1 januari 2027',
    });
    expect(displayParams({ nextPeriodStart: '2026-03-29' }, 'minutes', en)).toEqual({
      nextPeriodStart: '29 March 2026',
    });
  });

  it('keeps a calendar date on its day on the Amsterdam clock', () => {
    expect(nl.date(instantOnDate('2026-10-25'))).toBe('25 oktober 2026');
    expect(nl.date(instantOnDate('2026-12-31'))).toBe('31 december 2026');
  });
});

describe('refusal text', () => {
  it('fills the catalogue message with formatted amounts', () => {
    const refusal = {
      code: 'TOP_UP_BALANCE_ABOVE_THRESHOLD',
      message: 'ignored',
      params: { balance: 12000, maxBalance: 3600, unit: 'minutes' },
    };
    expect(refusalText(refusal, 'minutes', nl)).toBe(
      'U kunt opwaarderen als uw saldo 60 u of minder is. Uw saldo is nu 200 u.',
    );
    expect(refusalText(refusal, 'minutes', en)).toBe(
      'You can top up when your balance is 60 h or less. Your balance is now 200 h.',
    );
  });

  it('says when the next period opens after a reached maximum', () => {
    const refusal = {
      code: 'TOP_UP_CAP_REACHED',
      message: 'ignored',
      params: {
        limit: 36000,
        used: 36000,
        remaining: 0,
        unit: 'minutes',
        nextPeriodStart: '2027-01-01',
      },
    };
    expect(refusalText(refusal, 'minutes', nl)).toBe(
      'Voor deze periode is het niet meer mogelijk om uw tegoed op te waarderen omdat het maximum van 600 u bereikt is. Vanaf 1 januari 2027 kunt u weer opwaarderen.',
    );
  });

  it('uses the API’s sentence for a code it does not know', () => {
    const refusal = { code: 'TOP_UP_SOMETHING_NEW', message: 'Het mag niet.', params: {} };
    expect(refusalText(refusal, 'cents', nl)).toBe('Het mag niet.');
  });
});
