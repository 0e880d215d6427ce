import { describe, expect, it } from 'vitest';
import { passwordProblems } from './password-problems.js';

describe('the problems of a refused new password', () => {
  it('lists every rule the API says was broken, the first one first, with its numbers', () => {
    const problems = passwordProblems(
      {
        code: 'PASSWORD_TOO_SHORT',
        params: { min: 10, max: 200, rules: 'PASSWORD_TOO_SHORT,PASSWORD_NEEDS_VARIETY' },
      },
      'nl',
    );
    expect(problems).toEqual([
      'Het wachtwoord moet minstens 10 tekens lang zijn.',
      'Het wachtwoord moet een letter bevatten en ook een cijfer of een leesteken.',
    ]);
  });

  it('speaks the interface language', () => {
    expect(
      passwordProblems(
        { code: 'PASSWORD_CONTAINS_EMAIL', params: { rules: 'PASSWORD_CONTAINS_EMAIL' } },
        'en',
      ),
    ).toEqual(['The password must not contain the part of your e-mail address before the @.']);
  });

  it('still names the error code when the list is missing, and skips codes it does not know', () => {
    expect(
      passwordProblems(
        {
          code: 'PASSWORD_TOO_LONG',
          params: { max: 200, rules: 'SOMETHING_NEW, PASSWORD_TOO_LONG' },
        },
        'en',
      ),
    ).toEqual(['The password must be at most 200 characters long.']);
  });

  it('says when the two passwords differ', () => {
    expect(passwordProblems({ code: 'PASSWORD_MISMATCH', params: {} }, 'nl')).toEqual([
      'De twee wachtwoorden zijn niet gelijk.',
    ]);
  });

  it('has nothing to say about other failures, which the page shows as usual', () => {
    expect(passwordProblems({ code: 'LINK_EXPIRED', params: {} }, 'nl')).toEqual([]);
    expect(passwordProblems({ code: 'NETWORK_ERROR', params: {} }, 'nl')).toEqual([]);
  });
});
