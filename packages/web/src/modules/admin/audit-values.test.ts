import { beforeAll, describe, expect, it } from 'vitest';
import { createI18n, loadBackOfficeStrings } from '../../app/i18n.js';
import { formatsFor } from '../../app/ui/format.js';
import type { FieldChange } from './audit-diff.js';
import { displayValue, fieldLabel, unitAt, type ValueContext } from './audit-values.js';

let context: ValueContext;

beforeAll(async () => {
  // The app's own instance: its catalogues are ICU, formatted by the app's format module.
  const i18n = createI18n('nl');
  await loadBackOfficeStrings(i18n);
  context = { t: i18n.getFixedT('nl', 'admin'), formats: formatsFor('nl'), balanceUnit: null };
});

const shown = (key: string | undefined, value: unknown, unit: 'minutes' | 'cents' | null = null) =>
  displayValue(key, value, unit, context).replace(/\u00a0/g, ' ');

describe('an audit value as an admin reads it', () => {
  it("shows instants on the town's clock and dates as dates", () => {
    // 09:30 UTC on a November day is 10:30 in Amsterdam (winter time); in July 11:30.
    expect(shown('windowStart', '2026-11-23T09:30:00.000Z')).toBe('23 november 2026 10:30');
    expect(shown('requestedAt', '2026-07-01T09:30:00.000Z')).toBe('1 juli 2026 11:30');
    expect(shown('validFrom', '2026-12-01')).toBe('1 december 2026');
  });

  it('shows minutes as hours and minutes, cents as euros, and balances in their unit', () => {
    expect(shown('maxDurationMinutes', 90)).toBe('1 u 30 min');
    expect(shown('centsPerHour', 210)).toBe('€ 2,10 per uur');
    expect(shown('priceCents', 12000)).toBe('€ 120,00');
    expect(shown('balance', 150, 'minutes')).toBe('2 u 30 min');
    expect(shown('balance', 150, 'cents')).toBe('€ 1,50');
    expect(shown('balance', 150)).toBe('150');
  });

  it("shows a regime's windows as clock times and weekdays, choices and yes/no in words", () => {
    expect(
      shown('weekly', [
        { weekday: 6, from: 540, to: 1260 },
        { weekday: 7, from: 720, to: 1020 },
      ]),
    ).toBe('zaterdag 09:00–21:00, zondag 12:00–17:00');
    expect(shown('exceptions', [{ date: '2026-12-25', label: 'Kerst', windows: [] }])).toBe(
      'Datum: 25 december 2026; Omschrijving: Kerst; Tijdvakken: geen',
    );
    expect(shown('invalidWeekdays', [6])).toBe('zaterdag');
    expect(shown('status', 'blocked')).toBe('geblokkeerd');
    expect(shown('delegationAllowed', true)).toBe('ja');
    expect(shown('addressLabel', 'Markt 1, Delft')).toBe('Markt 1, Delft');
  });

  it('names a field by its readable labels, and finds the unit beside it', () => {
    expect(fieldLabel(['sessionPolicy', 'maxDurationMinutes'], context.t, 'Zone')).toBe(
      'Sessieregels › Maximale parkeerduur',
    );
    expect(fieldLabel(['somethingNew'], context.t, 'Zone')).toBe('something new');
    const change: FieldChange = {
      path: ['topUpPolicy', 'maxBalanceForTopUp'],
      before: 1,
      after: 2,
    };
    const policy = { topUpPolicy: { unit: 'cents', maxBalanceForTopUp: 2 } };
    expect(unitAt(change, null, policy, 'minutes')).toBe('cents');
    expect(unitAt({ path: ['balance'], before: 1, after: 2 }, null, {}, 'minutes')).toBe('minutes');
  });
});
