import { describe, expect, it } from 'vitest';
import {
  applicationPhase,
  headerFileName,
  lastDayOf,
  nextLetterPoll,
  nextPoll,
  pollLimitMs,
  requiredDocuments,
  startDateBounds,
  uploadProblem,
} from './counter-rules.js';

describe('the counter in the browser', () => {
  it('offers start dates from today on the town clock up to the product limit (docs/rules.md §1 counter form, counter in the browser)', () => {
    // 23:30 UTC on 30 November is already 1 December in Amsterdam.
    expect(startDateBounds(new Date('2026-11-30T23:30:00Z'), 30)).toEqual({
      min: '2026-12-01',
      max: '2026-12-31',
    });
    // Summer time: 22:30 UTC is 00:30 the next day.
    expect(startDateBounds(new Date('2026-06-30T22:30:00Z'), 0)).toEqual({
      min: '2026-07-01',
      max: '2026-07-01',
    });
  });

  it('shows a term ending at local midnight as valid to and including the day before, across both clock changes (docs/rules.md §1 counter term, counter in the browser)', () => {
    const shown = (iso: string) =>
      new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' }).format(
        lastDayOf(iso),
      );
    expect(shown('2026-12-31T23:00:00Z')).toBe('31 december 2026');
    // Midnight after the spring change (29 March 2026) is at 22:00 UTC, after the autumn one at 23:00.
    expect(shown('2026-03-29T22:00:00Z')).toBe('29 maart 2026');
    expect(shown('2026-10-25T23:00:00Z')).toBe('25 oktober 2026');
  });

  it('reads the phase of an application from its status and its payment', () => {
    expect(applicationPhase({ status: 'awaitingPayment', paymentStatus: 'open' })).toBe('waiting');
    expect(applicationPhase({ status: 'awaitingPayment', paymentStatus: 'cancelled' })).toBe(
      'cancelled',
    );
    expect(applicationPhase({ status: 'awaitingPayment', paymentStatus: 'expired' })).toBe(
      'cancelled',
    );
    expect(applicationPhase({ status: 'awaitingPayment', paymentStatus: 'paid' })).toBe('waiting');
    expect(applicationPhase({ status: 'granted', paymentStatus: 'paid' })).toBe('granted');
    expect(applicationPhase({ status: 'awaitingReview', paymentStatus: 'paid' })).toBe('review');
    expect(applicationPhase({ status: 'refused', paymentStatus: 'refunded' })).toBe('refused');
    expect(applicationPhase({ status: 'cancelled', paymentStatus: null })).toBe('cancelled');
  });

  it('asks again while the bank is silent and until the letter of a grant is made, for a minute at most', () => {
    const waiting = { status: 'awaitingPayment', paymentStatus: 'open', letters: [] };
    expect(nextPoll(waiting, 0)).toBe('poll');
    expect(nextPoll(waiting, pollLimitMs)).toBe('giveUp');
    expect(nextPoll({ status: 'granted', paymentStatus: 'paid', letters: [] }, 0)).toBe('poll');
    expect(
      nextPoll({ status: 'granted', paymentStatus: 'paid', letters: [{ ready: false }] }, 0),
    ).toBe('poll');
    expect(
      nextPoll({ status: 'granted', paymentStatus: 'paid', letters: [{ ready: true }] }, 0),
    ).toBe('done');
    expect(nextPoll({ status: 'awaitingReview', paymentStatus: 'paid', letters: [] }, 0)).toBe(
      'done',
    );
    expect(nextPoll({ status: 'cancelled', letters: [] }, 0)).toBe('done');
  });

  it('asks for a permit again while one of its letters is being made, for a minute at most', () => {
    expect(nextLetterPoll([{ ready: true }, { ready: false }], 0)).toBe('poll');
    expect(nextLetterPoll([{ ready: false }], pollLimitMs - 1)).toBe('poll');
    expect(nextLetterPoll([{ ready: false }], pollLimitMs)).toBe('giveUp');
    expect(nextLetterPoll([{ ready: true }, { ready: true }], 0)).toBe('done');
    expect(nextLetterPoll([], 0)).toBe('done');
  });

  it('refuses an upload of another type, an empty one and one over 5 MB before sending it (docs/rules.md §1 counter in the browser)', () => {
    expect(uploadProblem({ type: 'application/pdf', size: 1000 })).toBeNull();
    expect(uploadProblem({ type: 'image/png', size: 5 * 1024 * 1024 })).toBeNull();
    expect(uploadProblem({ type: 'image/jpeg', size: 5 * 1024 * 1024 + 1 })).toBe('size');
    expect(uploadProblem({ type: 'image/gif', size: 10 })).toBe('type');
    expect(uploadProblem({ type: 'application/pdf', size: 0 })).toBe('empty');
  });

  it('sends a file name an HTTP header can carry', () => {
    expect(headerFileName('Lease-contract Zoë.pdf')).toBe('Lease-contract Zoe.pdf');
    expect(headerFileName('名前.png')).toBe('__.png');
    expect(headerFileName('   ')).toBe('document');
  });

  it('asks for the documents always required and those of the stated case only (docs/rules.md §1 review cases)', () => {
    const documents = [
      { code: 'registration', when: null },
      { code: 'leaseContract', when: 'leaseCar' },
      { code: 'employerStatement', when: 'companyCar' },
    ];
    expect(requiredDocuments(documents, null).map((d) => d.code)).toEqual(['registration']);
    expect(requiredDocuments(documents, 'leaseCar').map((d) => d.code)).toEqual([
      'registration',
      'leaseContract',
    ]);
  });
});
