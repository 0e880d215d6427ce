import { describe, expect, it } from 'vitest';
import { checkRightCheckMoment } from './right-check-moment.js';

const now = new Date('2026-10-25T10:00:00Z');
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);
const refused = { ok: false, reason: 'RIGHT_CHECK_TIME_OUT_OF_RANGE', params: { hours: 12 } };

describe('docs/rules.md §9: a right-check looks up to 12 hours back and 5 minutes ahead', () => {
  it('answers now, 12 hours back and 5 minutes ahead', () => {
    for (const at of [now, minutes(-12 * 60), minutes(5)]) {
      expect(checkRightCheckMoment(at, now)).toEqual({ ok: true });
    }
  });

  it('refuses a minute before 12 hours back and a minute after 5 ahead, naming the 12 hours', () => {
    expect(checkRightCheckMoment(minutes(-12 * 60 - 1), now)).toEqual(refused);
    expect(checkRightCheckMoment(minutes(6), now)).toEqual(refused);
  });

  it('counts hours that really passed, also back over the autumn clock change', () => {
    // 25 October 2026, 10:00 UTC is 11:00 in Amsterdam; 12 real hours back is 22:00 UTC the
    // evening before, 00:00 local: the doubled hour makes it 13 hours on the wall clock.
    expect(checkRightCheckMoment(new Date('2026-10-24T22:00:00Z'), now)).toEqual({ ok: true });
    expect(checkRightCheckMoment(new Date('2026-10-24T21:59:00Z'), now)).toEqual(refused);
  });
});
