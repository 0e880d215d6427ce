import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cityCentreRegime, permitHolderRegime } from '../regime/example-regimes.js';
import {
  decideChangeEnd,
  decideStart,
  type ExistingSession,
  type SessionContext,
  type SessionDecision,
} from './session-decision.js';
import {
  visitorPolicyEndOfDay,
  visitorPolicyEndOfPaidHours,
  visitorPolicyMaxThreeHours,
  type SessionPolicy,
} from './session-policy.js';

const tz = 'Europe/Amsterdam';
const at = (iso: string) => new Date(iso);
const iso = (d: Date | undefined) => d?.toISOString();
const minutes = (n: number) => n * 60_000;
const plate = 'XX999X';

// Monday 23 Nov 2026 10:00 local (UTC+1).
const monday10 = at('2026-11-23T09:00:00Z');

function context(
  overrides: Partial<SessionContext> & { policy?: SessionPolicy } = {},
): SessionContext {
  return {
    now: monday10,
    timeZone: tz,
    regime: cityCentreRegime,
    billing: { unit: 'minutes', minuteCounting: 'started', tariffs: [] },
    policy: visitorPolicyEndOfDay,
    balance: 12_000,
    sessions: [],
    validity: { from: at('2026-01-01T00:00:00Z'), until: null },
    allowedPlates: null,
    ...overrides,
  };
}

function accepted(decision: SessionDecision) {
  if (!decision.ok) throw new Error(`refused: ${decision.reason}`);
  return decision;
}

function refused(decision: SessionDecision) {
  if (decision.ok) throw new Error('accepted');
  return decision;
}

describe('docs/rules.md §5: a session starts now or is planned, with the default end of its scheme', () => {
  it('starts now and ends at the end of the day (003), reserving the paid time until then', () => {
    const decision = accepted(decideStart({ plate }, context()));
    expect(iso(decision.start)).toBe(iso(monday10));
    expect(iso(decision.end)).toBe('2026-11-23T23:00:00.000Z');
    expect(decision.reservation).toBe(11 * 60); // 10:00–21:00 local
    expect(decision.planned).toBe(false);
  });

  it('ends after the maximum duration of 3 hours (002)', () => {
    const decision = accepted(
      decideStart({ plate }, context({ policy: visitorPolicyMaxThreeHours })),
    );
    expect(iso(decision.end)).toBe('2026-11-23T12:00:00.000Z');
  });

  it('ends when paid parking ends that day (004), or at the end of the day after paid hours', () => {
    const policy = visitorPolicyEndOfPaidHours;
    expect(iso(accepted(decideStart({ plate }, context({ policy }))).end)).toBe(
      '2026-11-23T20:00:00.000Z',
    );
    const sundayEvening = at('2026-11-22T17:30:00Z');
    const late = accepted(decideStart({ plate }, context({ policy, now: sundayEvening })));
    expect(iso(late.end)).toBe('2026-11-22T23:00:00.000Z');
    expect(late.reservation).toBe(0);
  });

  it.each([
    ['2026-03-29T08:00:00Z', '2026-03-29T15:00:00.000Z'],
    ['2026-10-25T08:00:00Z', '2026-10-25T16:00:00.000Z'],
    ['2027-03-28T08:00:00Z', '2027-03-28T15:00:00.000Z'],
    ['2027-10-31T08:00:00Z', '2027-10-31T16:00:00.000Z'],
  ])('on the clock-change Sunday starting %s, the default end is 17:00 local (%s)', (now, end) => {
    const decision = accepted(
      decideStart({ plate }, context({ policy: visitorPolicyEndOfPaidHours, now: at(now) })),
    );
    expect(iso(decision.end)).toBe(end);
    expect(decision.reservation).toBe(300);
  });

  it.each([
    // 10:00 CEST to midnight CEST: 14 hours.
    ['2026-03-29T08:00:00Z', '2026-03-29T22:00:00.000Z', 14 * 60],
    // 09:00 CET (after the change at 03:00) to midnight CET: 15 hours.
    ['2026-10-25T08:00:00Z', '2026-10-25T23:00:00.000Z', 15 * 60],
  ])('end of day on a clock-change day (%s) is local midnight', (now, end, paid) => {
    const decision = accepted(
      decideStart({ plate }, context({ regime: permitHolderRegime, now: at(now) })),
    );
    expect(iso(decision.end)).toBe(end);
    expect(decision.reservation).toBe(paid);
  });

  it('a later start plans the session', () => {
    const tomorrow = at('2026-11-24T13:00:00Z');
    const decision = accepted(decideStart({ plate, start: tomorrow }, context()));
    expect(decision.planned).toBe(true);
    expect(iso(decision.end)).toBe('2026-11-24T23:00:00.000Z');
  });

  it('a visitor who stays the night may have an end on a later date where the day does not end it', () => {
    const policy = { ...visitorPolicyEndOfPaidHours };
    const end = at('2026-11-24T10:00:00Z'); // Tuesday 11:00 local
    const decision = accepted(decideStart({ plate, end }, context({ policy })));
    expect(decision.reservation).toBe(11 * 60 + 2 * 60);
    expect(decision.bill.segments).toHaveLength(2);
  });
});

describe('docs/rules.md §5: checks when starting, each with a reason and a proposal', () => {
  it('refuses a start in the past and proposes now; a few seconds late is fine', () => {
    const decision = refused(decideStart({ plate, start: at('2026-11-23T08:00:00Z') }, context()));
    expect(decision.reason).toBe('SESSION_START_IN_PAST');
    expect(iso(decision.proposal?.start)).toBe(iso(monday10));
    const slightlyLate = new Date(monday10.getTime() - 20_000);
    expect(decideStart({ plate, start: slightlyLate }, context()).ok).toBe(true);
  });

  it('refuses an end before the start and proposes the default end', () => {
    const start = at('2026-11-24T09:00:00Z');
    const decision = refused(
      decideStart({ plate, start, end: at('2026-11-24T08:30:00Z') }, context()),
    );
    expect(decision.reason).toBe('SESSION_END_NOT_AFTER_START');
    expect(iso(decision.proposal?.end)).toBe('2026-11-24T23:00:00.000Z');
  });

  it('refuses an end that has passed, even for a start a moment ago', () => {
    const request = {
      plate,
      start: new Date(monday10.getTime() - 50_000),
      end: new Date(monday10.getTime() - 10_000),
    };
    const decision = refused(decideStart(request, context()));
    expect(decision.reason).toBe('SESSION_END_IN_PAST');
    expect(iso(decision.proposal?.start)).toBe(iso(monday10));
  });

  it('a start a moment ago starts now, and its default end follows from now', () => {
    // Tuesday 00:00:10 local; the phone said 23:59:40 on Monday.
    const now = at('2026-11-23T23:00:10Z');
    const decision = accepted(
      decideStart(
        { plate, start: at('2026-11-23T22:59:40Z') },
        context({ now, regime: permitHolderRegime }),
      ),
    );
    expect(iso(decision.start)).toBe(iso(now));
    expect(iso(decision.end)).toBe('2026-11-24T23:00:00.000Z');
    expect(decision.startsNow).toBe(true);
  });

  it('refuses an end more than a month away, whatever the policy', () => {
    const policy = visitorPolicyEndOfPaidHours;
    const decision = refused(
      decideStart({ plate, end: at('2027-11-23T09:00:00Z') }, context({ policy })),
    );
    expect(decision.reason).toBe('SESSION_OVER_MAX_DURATION');
    expect(iso(decision.proposal?.end)).toBe('2026-12-24T09:00:00.000Z');
  });

  it('end-of-day deactivation: refuses an end tomorrow and proposes the end of the day', () => {
    const decision = refused(decideStart({ plate, end: at('2026-11-24T10:00:00Z') }, context()));
    expect(decision.reason).toBe('SESSION_PAST_END_OF_DAY');
    expect(iso(decision.proposal?.end)).toBe('2026-11-23T23:00:00.000Z');
  });

  it('the flexible business permit stops after the zone hours', () => {
    const policy: SessionPolicy = { ...visitorPolicyEndOfPaidHours, latestEnd: 'endOfPaidHours' };
    const decision = refused(
      decideStart({ plate, end: at('2026-11-23T21:00:00Z') }, context({ policy })),
    );
    expect(decision.reason).toBe('SESSION_PAST_END_OF_PAID_HOURS');
    expect(iso(decision.proposal?.end)).toBe('2026-11-23T20:00:00.000Z');
  });

  it('refuses more than the maximum duration and proposes the maximum', () => {
    const decision = refused(
      decideStart(
        { plate, end: at('2026-11-23T13:00:00Z') },
        context({ policy: visitorPolicyMaxThreeHours }),
      ),
    );
    expect(decision.reason).toBe('SESSION_OVER_MAX_DURATION');
    expect(decision.params).toEqual({ maxMinutes: 180 });
    expect(iso(decision.proposal?.end)).toBe('2026-11-23T12:00:00.000Z');
  });

  it('is not valid on Saturday (002): refuses and proposes the next valid day', () => {
    const saturday = at('2026-11-21T10:00:00Z');
    const decision = refused(
      decideStart({ plate }, context({ policy: visitorPolicyMaxThreeHours, now: saturday })),
    );
    expect(decision.reason).toBe('SESSION_NOT_VALID_ON_DAY');
    // Sunday, when paid parking starts at 12:00 local, for the maximum of 3 hours.
    expect(iso(decision.proposal?.start)).toBe('2026-11-22T11:00:00.000Z');
    expect(iso(decision.proposal?.end)).toBe('2026-11-22T14:00:00.000Z');
  });

  it('a Friday evening session may not run into Saturday; the proposal also respects 3 hours', () => {
    const friday20 = at('2026-11-20T19:00:00Z');
    const decision = refused(
      decideStart(
        { plate, end: at('2026-11-21T09:00:00Z') },
        context({ policy: visitorPolicyMaxThreeHours, now: friday20 }),
      ),
    );
    expect(decision.reason).toBe('SESSION_NOT_VALID_UNTIL_END');
    expect(iso(decision.proposal?.end)).toBe('2026-11-20T22:00:00.000Z');
  });

  it('only within the permit validity', () => {
    const validity = { from: at('2026-12-01T00:00:00Z'), until: at('2027-01-01T00:00:00Z') };
    const early = refused(decideStart({ plate }, context({ validity })));
    expect(early.reason).toBe('SESSION_PERMIT_NOT_YET_VALID');
    expect(iso(early.proposal?.start)).toBe('2026-12-01T00:00:00.000Z');
    const late = refused(
      decideStart({ plate }, context({ validity, now: at('2027-01-02T10:00:00Z') })),
    );
    expect(late).toMatchObject({ reason: 'SESSION_PERMIT_EXPIRED', proposal: null });
  });

  it('a delegation with a plate allows only that plate', () => {
    const limited = context({ allowedPlates: ['AB123C'] });
    expect(refused(decideStart({ plate }, limited))).toMatchObject({
      reason: 'SESSION_PLATE_NOT_ALLOWED',
      proposal: null,
    });
    expect(decideStart({ plate: 'AB123C' }, limited).ok).toBe(true);
  });

  it('one session per plate at a time: proposes to start when the running one ends', () => {
    const running: ExistingSession = {
      plate,
      start: at('2026-11-23T08:00:00Z'),
      end: at('2026-11-23T11:00:00Z'),
    };
    const decision = refused(
      decideStart({ plate, end: at('2026-11-23T12:00:00Z') }, context({ sessions: [running] })),
    );
    expect(decision.reason).toBe('SESSION_PLATE_ALREADY_PARKED');
    expect(iso(decision.proposal?.start)).toBe('2026-11-23T11:00:00.000Z');
  });

  it('finds the free slot after a row of sessions of the same plate', () => {
    const row: ExistingSession[] = Array.from({ length: 9 }, (_, i) => ({
      plate,
      start: new Date(monday10.getTime() + minutes(61 * i)),
      end: new Date(monday10.getTime() + minutes(61 * i + 60)),
    }));
    const decision = refused(
      decideStart(
        { plate, end: new Date(monday10.getTime() + minutes(60)) },
        context({ sessions: row }),
      ),
    );
    expect(decision.reason).toBe('SESSION_PLATE_ALREADY_PARKED');
    expect(iso(decision.proposal?.start)).toBe(iso(row[8]!.end));
  });

  it('an eleventh overlapping session is refused with the earliest start that has a free slot', () => {
    const sessions: ExistingSession[] = Array.from({ length: 10 }, (_, i) => ({
      plate: `AA${String(i).padStart(2, '0')}BB`,
      start: at('2026-11-23T08:00:00Z'),
      end: new Date(at('2026-11-23T10:00:00Z').getTime() + minutes(10 * i)),
    }));
    const request = { plate, end: at('2026-11-23T10:00:00Z') };
    const decision = refused(decideStart(request, context({ sessions })));
    expect(decision.reason).toBe('SESSION_MAX_CONCURRENT_REACHED');
    expect(decision.params).toEqual({ max: 10 });
    expect(iso(decision.proposal?.start)).toBe('2026-11-23T10:00:00.000Z');
    expect(iso(decision.proposal?.end)).toBe('2026-11-23T11:00:00.000Z');
    // Ten that don't overlap each other do not block a long session.
    const sequential = sessions.map((s, i) => ({
      ...s,
      start: new Date(monday10.getTime() + minutes(10 * i)),
      end: new Date(monday10.getTime() + minutes(10 * i + 10)),
    }));
    expect(decideStart(request, context({ sessions: sequential })).ok).toBe(true);
  });

  it('insufficient balance: refuses and proposes the latest end the balance covers', () => {
    const decision = refused(
      decideStart({ plate, end: at('2026-11-23T11:00:00Z') }, context({ balance: 30 })),
    );
    expect(decision.reason).toBe('SESSION_INSUFFICIENT_BALANCE');
    expect(iso(decision.proposal?.end)).toBe('2026-11-23T09:30:00.000Z');
    expect(decision.proposal?.reservation).toBe(30);
  });

  it('insufficient balance counts only paid time: the proposal may run past a free evening', () => {
    // Monday 20:00 local, 90 minutes left, until Tuesday 10:00: 120 paid minutes wanted.
    const now = at('2026-11-23T19:00:00Z');
    const policy: SessionPolicy = {
      ...visitorPolicyEndOfPaidHours,
      insufficientBalance: 'refuseWithProposal',
    };
    const decision = refused(
      decideStart(
        { plate, end: at('2026-11-24T09:00:00Z') },
        context({ balance: 90, now, policy }),
      ),
    );
    expect(decision.reason).toBe('SESSION_INSUFFICIENT_BALANCE');
    expect(iso(decision.proposal?.end)).toBe('2026-11-24T08:30:00.000Z');
  });

  it('no balance and nothing free to propose: refused without a proposal', () => {
    const decision = refused(decideStart({ plate }, context({ balance: 0 })));
    expect(decision).toMatchObject({ reason: 'SESSION_INSUFFICIENT_BALANCE', proposal: null });
  });

  it("'run to zero' (004) accepts and reserves what is left; the visitor gets no fine", () => {
    const policy = visitorPolicyEndOfPaidHours;
    const decision = accepted(decideStart({ plate }, context({ policy, balance: 60 })));
    expect(decision).toMatchObject({ reservation: 60, runsToZero: true });
    expect(iso(decision.coveredUntil)).toBe('2026-11-23T10:00:00.000Z');
    expect(decision.bill.cost).toBe(11 * 60);
    expect(refused(decideStart({ plate }, context({ policy, balance: 0 })))).toMatchObject({
      reason: 'SESSION_INSUFFICIENT_BALANCE',
      proposal: null,
    });
  });

  it('with a money balance the proposal is the latest end whose cost the balance covers', () => {
    const money = context({
      balance: 500,
      policy: visitorPolicyMaxThreeHours,
      billing: {
        unit: 'cents',
        minuteCounting: 'started',
        tariffs: [{ validFrom: '2020-01-01', centsPerHour: 210 }],
      },
    });
    const decision = refused(decideStart({ plate }, money));
    expect(decision.reason).toBe('SESSION_INSUFFICIENT_BALANCE');
    // 142 min = 497 ct; 143 min = 500.5 → 501 ct.
    expect(decision.proposal?.reservation).toBe(497);
    expect(iso(decision.proposal?.end)).toBe(iso(new Date(monday10.getTime() + minutes(142))));
  });
});

describe('docs/rules.md §5: extending runs the same checks', () => {
  const running = {
    plate,
    start: at('2026-11-23T09:00:00Z'),
    end: at('2026-11-23T10:00:00Z'),
    reservation: 60,
  };
  const later = context({ now: at('2026-11-23T09:30:00Z'), balance: 60 });

  it('counts the session’s own reservation as available', () => {
    const decision = accepted(decideChangeEnd(running, at('2026-11-23T11:00:00Z'), later));
    expect(decision.reservation).toBe(120);
  });

  it('refuses beyond the balance and proposes the latest end it covers', () => {
    const decision = refused(decideChangeEnd(running, at('2026-11-23T12:00:00Z'), later));
    expect(decision.reason).toBe('SESSION_INSUFFICIENT_BALANCE');
    expect(iso(decision.proposal?.end)).toBe('2026-11-23T11:00:00.000Z');
    expect(iso(decision.proposal?.start)).toBe(iso(running.start));
  });

  it('an ended session cannot be extended afterwards', () => {
    const afterwards = { ...later, now: at('2026-11-23T11:00:00Z') };
    expect(refused(decideChangeEnd(running, at('2026-11-23T12:00:00Z'), afterwards))).toMatchObject(
      {
        reason: 'SESSION_ALREADY_ENDED',
        proposal: null,
      },
    );
  });

  it('refuses an end in the past: that is a stop', () => {
    expect(refused(decideChangeEnd(running, at('2026-11-23T09:15:00Z'), later))).toMatchObject({
      reason: 'SESSION_END_IN_PAST',
      proposal: null,
    });
  });

  it('refuses past the end of the day, proposing the end of the day', () => {
    const decision = refused(
      decideChangeEnd(running, at('2026-11-24T09:00:00Z'), { ...later, balance: 10_000 }),
    );
    expect(decision.reason).toBe('SESSION_PAST_END_OF_DAY');
    expect(iso(decision.proposal?.end)).toBe('2026-11-23T23:00:00.000Z');
  });

  it('refuses when the longer session would be the eleventh at once, proposing the latest free end', () => {
    const sessions: ExistingSession[] = Array.from({ length: 10 }, (_, i) => ({
      plate: `BB${String(i).padStart(2, '0')}CC`,
      start: at('2026-11-23T10:30:00Z'),
      end: at('2026-11-23T12:00:00Z'),
    }));
    const decision = refused(
      decideChangeEnd(running, at('2026-11-23T11:00:00Z'), { ...later, sessions, balance: 10_000 }),
    );
    expect(decision.reason).toBe('SESSION_MAX_CONCURRENT_REACHED');
    expect(iso(decision.proposal?.end)).toBe('2026-11-23T10:30:00.000Z');
  });
});

const minuteOf = (iso: string) => Date.parse(iso) / 60_000;
const moment = fc
  .integer({ min: minuteOf('2026-03-20T00:00:00Z'), max: minuteOf('2026-11-05T00:00:00Z') })
  .map((m) => new Date(m * 60_000));
const policies = fc.constantFrom(
  visitorPolicyEndOfDay,
  visitorPolicyMaxThreeHours,
  visitorPolicyEndOfPaidHours,
);
const otherSessions = fc.array(
  fc.record({
    plate: fc.constantFrom('AA11BB', 'CC22DD', plate),
    offset: fc.integer({ min: -600, max: 2000 }),
    length: fc.integer({ min: 1, max: 900 }),
  }),
  { maxLength: 14 },
);
const scenario = fc.record({
  now: moment,
  policy: policies,
  balance: fc.integer({ min: 0, max: 1500 }),
  startOffset: fc.option(fc.integer({ min: -120, max: 3000 })),
  length: fc.option(fc.integer({ min: -60, max: 3000 })),
  sessions: otherSessions,
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function build(s: Scenario) {
  const ctx = context({
    now: s.now,
    policy: s.policy,
    balance: s.balance,
    sessions: s.sessions.map((o) => ({
      plate: o.plate,
      start: new Date(s.now.getTime() + minutes(o.offset)),
      end: new Date(s.now.getTime() + minutes(o.offset + o.length)),
    })),
  });
  const start =
    s.startOffset === null ? undefined : new Date(s.now.getTime() + minutes(s.startOffset));
  const end =
    s.length === null ? undefined : new Date((start ?? s.now).getTime() + minutes(s.length));
  return { ctx, request: { plate, start, end } };
}

describe('docs/rules.md §5: decision properties', () => {
  it('an accepted session never reserves more than the balance', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { ctx, request } = build(s);
        const decision = decideStart(request, ctx);
        if (decision.ok) expect(decision.reservation).toBeLessThanOrEqual(ctx.balance);
        else if (decision.proposal)
          expect(decision.proposal.reservation).toBeLessThanOrEqual(ctx.balance);
      }),
      { numRuns: 300 },
    );
  });

  it('every proposal is accepted when asked for again, with the same reservation', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { ctx, request } = build(s);
        const decision = decideStart(request, ctx);
        if (decision.ok || !decision.proposal) return;
        const { proposal } = decision;
        // A proposal that starts now is accepted without a start, even a while later.
        const start = proposal.startsNow ? undefined : proposal.start;
        const again = decideStart({ plate, start, end: proposal.end }, ctx);
        expect(again.ok).toBe(true);
        if (again.ok) expect(again.reservation).toBe(proposal.reservation);
        if (proposal.startsNow) {
          const aMinuteLater = { ...ctx, now: new Date(ctx.now.getTime() + 50_000) };
          expect(decideStart({ plate, end: proposal.end }, aMinuteLater).ok).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('every proposal for a new end is accepted when asked for again', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 1, max: 900 }), (s, extra) => {
        const { ctx } = build(s);
        const session = {
          plate,
          start: new Date(s.now.getTime() - minutes(30)),
          end: new Date(s.now.getTime() + minutes(30)),
          reservation: 30,
        };
        const others = { ...ctx, sessions: ctx.sessions.filter((o) => o.plate !== plate) };
        const newEnd = new Date(session.end.getTime() + minutes(extra));
        const decision = decideChangeEnd(session, newEnd, others);
        if (decision.ok || !decision.proposal) return;
        expect(iso(decision.proposal.start)).toBe(iso(session.start));
        expect(decideChangeEnd(session, decision.proposal.end, others).ok).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('an accepted session never ends before the moment of the decision', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { ctx, request } = build(s);
        const decision = decideStart(request, ctx);
        if (decision.ok) expect(decision.end.getTime()).toBeGreaterThan(ctx.now.getTime());
        if (decision.ok) expect(decision.start.getTime()).toBeGreaterThanOrEqual(ctx.now.getTime());
      }),
      { numRuns: 300 },
    );
  });

  it('a reservation is the expected cost unless the session runs to zero', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { ctx, request } = build(s);
        const decision = decideStart(request, ctx);
        if (!decision.ok) return;
        if (decision.runsToZero) expect(decision.reservation).toBe(ctx.balance);
        else expect(decision.reservation).toBe(decision.bill.cost);
      }),
      { numRuns: 300 },
    );
  });
});
