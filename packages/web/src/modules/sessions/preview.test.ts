import { describe, expect, it } from 'vitest';
import { cityCentreRegime } from '@parkeer/domain/regime/example-regimes';
import { visitorPolicyMaxThreeHours } from '@parkeer/domain/session-policy/session-policy';
import { previewChangeEnd, previewSession, type PreviewInput } from './preview.js';

/** Oudstad's visitor permit as the API sends its `rules` (JSON: dates as ISO strings). */
const rules = JSON.parse(
  JSON.stringify({
    policy: visitorPolicyMaxThreeHours,
    regime: cityCentreRegime,
    timeZone: 'Europe/Amsterdam',
    validity: { from: new Date('2026-01-01T00:00:00Z'), until: null },
    billing: {
      unit: 'cents',
      minuteCounting: 'started',
      tariffs: [{ validFrom: '2026-01-01', centsPerHour: 210 }],
    },
  }),
) as Record<string, unknown>;

const input = (overrides: Partial<PreviewInput> = {}): PreviewInput => ({
  rules,
  // Monday 23 November 2026, 10:00 in Amsterdam.
  now: new Date('2026-11-23T09:00:00Z'),
  balance: 5000,
  unit: 'cents',
  sessions: [],
  delegationPlate: null,
  plate: 'gb-123-k',
  start: null,
  end: null,
  language: 'nl',
  ...overrides,
});

describe('the cost preview, by the domain with the product rules from the API', () => {
  it('previews the default end and the cost (docs/rules.md §4: €2.10 an hour, 3 hours maximum)', () => {
    const preview = previewSession(input());
    expect(preview).toMatchObject({
      ok: true,
      plate: 'GB-123-K',
      end: new Date('2026-11-23T12:00:00Z'),
      paidMinutes: 180,
      cost: 630,
      planned: false,
    });
    const seven = previewSession(input({ end: new Date('2026-11-23T09:07:00Z') }));
    expect(seven).toMatchObject({ ok: true, paidMinutes: 7, cost: 25 });
  });

  it('refuses what the API would refuse, with the same codes', () => {
    expect(previewSession(input({ plate: '!!' }))).toMatchObject({ ok: false });
    expect(previewSession(input({ end: new Date('2026-11-23T14:00:00Z') }))).toMatchObject({
      ok: false,
      reason: 'SESSION_OVER_MAX_DURATION',
    });
    // Saturday 28 November: the product is not valid that day.
    const saturday = previewSession(input({ now: new Date('2026-11-28T09:00:00Z') }));
    expect(saturday).toMatchObject({ ok: false, reason: 'SESSION_NOT_VALID_ON_DAY' });
    // A delegation for one plate allows that plate only.
    const other = previewSession(input({ delegationPlate: '12-ABC-3' }));
    expect(other).toMatchObject({ ok: false, reason: 'SESSION_PLATE_NOT_ALLOWED' });
  });

  it('reads a foreign plate by its country, as the API does (docs/rules.md §5)', () => {
    // Without its country a German plate is taken for a mistyped Dutch one.
    expect(previewSession(input({ plate: 'B AB 1234' }))).toMatchObject({
      ok: false,
      reason: 'PLATE_NOT_DUTCH',
    });
    expect(previewSession(input({ plate: 'B AB 1234', country: 'DE' }))).toMatchObject({
      ok: true,
      plate: 'BAB1234',
      country: 'DE',
      cost: 630,
    });
  });

  it('counts only paid hours across the spring daylight-saving change', () => {
    // Sunday 29 March 2026, paid 12:00–17:00 local: 11:00–13:00 costs one hour.
    const preview = previewSession(
      input({
        now: new Date('2026-03-29T08:00:00Z'),
        start: new Date('2026-03-29T09:00:00Z'),
        end: new Date('2026-03-29T11:00:00Z'),
      }),
    );
    expect(preview).toMatchObject({ ok: true, planned: true, paidMinutes: 60, cost: 210 });
  });

  it('previews a new end: the whole cost, and what is reserved or released', () => {
    const session = {
      id: 's1',
      plate: 'GB123K',
      formattedPlate: 'GB-123-K',
      country: 'NL',
      start: '2026-11-23T09:00:00Z',
      end: '2026-11-23T10:00:00Z',
      reservation: 210,
    };
    const change = (end: string, balance = 5000) =>
      previewChangeEnd({
        rules,
        now: new Date('2026-11-23T09:30:00Z'),
        balance,
        unit: 'cents',
        session,
        sessions: [session],
        delegationPlate: null,
        end: new Date(end),
      });
    expect(change('2026-11-23T11:00:00Z')).toMatchObject({
      ok: true,
      plate: 'GB-123-K',
      cost: 420,
      reservation: 420,
      change: 210,
    });
    expect(change('2026-11-23T09:45:00Z')).toMatchObject({
      ok: true,
      reservation: 158,
      change: -52,
    });
    // Its own reservation counts as available: 2 hours more fit in 210 + 420 cents.
    expect(change('2026-11-23T12:00:00Z', 420)).toMatchObject({ ok: true, change: 420 });
    expect(change('2026-11-23T13:00:00Z')).toMatchObject({
      ok: false,
      reason: 'SESSION_OVER_MAX_DURATION',
    });
  });
});
