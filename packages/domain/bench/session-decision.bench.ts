import { bench, describe } from 'vitest';
import { bill } from '../src/billing/bill.js';
import { cityCentreRegime } from '../src/regime/example-regimes.js';
import { decideStart, type SessionContext } from '../src/session-policy/session-decision.js';
import { visitorPolicyEndOfDay } from '../src/session-policy/session-policy.js';

// The decision runs on every keystroke of the SPA's cost preview and on every start in the API.
const now = new Date('2026-11-23T09:00:00Z');
const context: SessionContext = {
  now,
  timeZone: 'Europe/Amsterdam',
  regime: cityCentreRegime,
  billing: {
    unit: 'cents',
    minuteCounting: 'started',
    tariffs: [{ validFrom: '2020-01-01', centsPerHour: 210 }],
  },
  policy: visitorPolicyEndOfDay,
  balance: 1_000,
  sessions: Array.from({ length: 9 }, (_, i) => ({
    plate: `AA${i}0BB`,
    start: new Date(now.getTime() + i * 600_000),
    end: new Date(now.getTime() + (i + 6) * 3_600_000),
  })),
  validity: { from: new Date('2026-01-01T00:00:00Z'), until: null },
  allowedPlates: null,
};

describe('domain hot paths', () => {
  bench('bill a one-week session', () => {
    bill({ start: now, end: new Date(now.getTime() + 7 * 86_400_000) }, context);
  });
  bench('decide a start that is accepted', () => {
    decideStart({ plate: 'XX999X', end: new Date(now.getTime() + 3_600_000) }, context);
  });
  bench('decide a refused start and search its proposal (balance)', () => {
    decideStart({ plate: 'XX999X' }, { ...context, balance: 300 });
  });
});
