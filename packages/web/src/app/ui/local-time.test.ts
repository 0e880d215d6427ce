import { describe, expect, it } from 'vitest';
import { fromLocalInput, toLocalInput } from './local-time.js';

describe('datetime-local values on the Amsterdam clock', () => {
  it('reads and writes wall time in winter and summer, whatever the device zone', () => {
    expect(toLocalInput(new Date('2026-11-23T09:00:00Z'))).toBe('2026-11-23T10:00');
    expect(toLocalInput(new Date('2026-07-01T09:00:00Z'))).toBe('2026-07-01T11:00');
    expect(fromLocalInput('2026-11-23T10:00')).toEqual(new Date('2026-11-23T09:00:00Z'));
    expect(fromLocalInput('2026-07-01T11:00')).toEqual(new Date('2026-07-01T09:00:00Z'));
    expect(fromLocalInput('')).toBeNull();
  });

  it('crosses both daylight-saving changes', () => {
    // 29 March 2026: 02:00 → 03:00. 25 October 2026: 03:00 → 02:00.
    expect(fromLocalInput('2026-03-29T03:30')).toEqual(new Date('2026-03-29T01:30:00Z'));
    expect(toLocalInput(new Date('2026-03-29T00:30:00Z'))).toBe('2026-03-29T01:30');
    expect(toLocalInput(new Date('2026-10-25T02:30:00Z'))).toBe('2026-10-25T03:30');
    expect(fromLocalInput('2026-10-25T03:30')).toEqual(new Date('2026-10-25T02:30:00Z'));
  });
});
