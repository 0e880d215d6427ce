import { describe, expect, it } from 'vitest';
import { cityCentreRegime } from '@parkeer/domain/regime/example-regimes';
import { draftOf, minutesOf, regimeOf, timeOf } from './regime-form.js';

describe('the paid-hours form', () => {
  it('reads and writes times, with midnight as the end of the day', () => {
    expect(timeOf(540)).toBe('09:00');
    expect(timeOf(1440)).toBe('24:00');
    expect(minutesOf('09:30')).toBe(570);
    expect(minutesOf('00:00', true)).toBe(1440);
    expect(minutesOf('00:00')).toBe(0);
    expect(minutesOf('9 uur')).toBeNaN();
  });

  it('gives back the regime it was made from, and where each weekday window went', () => {
    const withException = {
      ...cityCentreRegime,
      exceptions: [{ date: '2026-12-25', label: 'Kerstmis', windows: [] }],
    };
    const { regime, weeklyIndex } = regimeOf(draftOf(withException));
    expect(regime).toEqual(withException);
    // Sunday's only window comes after the six weekdays' ones.
    expect(weeklyIndex.get('7.0')).toBe(6);
  });
});
