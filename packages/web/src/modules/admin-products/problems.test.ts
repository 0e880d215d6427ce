import { CombinedError } from '@urql/core';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { enclosingPaths, fieldId, problemsAt, problemsOf, problemsWithin } from './problems.js';

const refusal = new CombinedError({
  graphQLErrors: [
    new GraphQLError('Not every setting is valid', {
      extensions: {
        code: 'SETTINGS_INVALID',
        problems: [
          {
            code: 'SETTING_CAP_BELOW_BLOCK',
            path: 'topUpPolicy.cap.limit',
            messages: { nl: 'Plafond te laag.', en: 'Cap too low.' },
            params: {},
          },
          {
            code: 'SETTING_UNKNOWN_ZONE',
            path: 'topUpPolicy.pricing.prices[3].zones[0]',
            messages: { nl: 'Onbekende zone.', en: 'Unknown zone.' },
            params: {},
          },
        ],
      },
    }),
  ],
});

describe('problems of settings beside their fields', () => {
  it('reads the problems of a refusal in the interface language', () => {
    expect(problemsOf(refusal, 'en')).toEqual([
      { path: 'topUpPolicy.cap.limit', message: 'Cap too low.' },
      { path: 'topUpPolicy.pricing.prices[3].zones[0]', message: 'Unknown zone.' },
    ]);
    const other = new CombinedError({
      graphQLErrors: [new GraphQLError('x', { extensions: { code: 'FORBIDDEN' } })],
    });
    expect(problemsOf(other, 'nl')).toEqual([]);
    expect(problemsOf(undefined, 'nl')).toEqual([]);
  });

  it('gives a field its own problems, and a group those of its parts', () => {
    const problems = problemsOf(refusal, 'nl');
    expect(problemsAt(problems, 'topUpPolicy.cap.limit')).toEqual(['Plafond te laag.']);
    expect(problemsAt(problems, 'topUpPolicy.cap')).toEqual([]);
    expect(problemsWithin(problems, 'topUpPolicy.pricing.prices[3].zones')).toEqual([
      'Onbekende zone.',
    ]);
    // prices[3] does not contain prices[30].
    expect(problemsWithin(problems, 'topUpPolicy.pricing.prices[30]')).toEqual([]);
  });

  it('finds the control of a problem from the most precise path up', () => {
    expect(enclosingPaths('topUpPolicy.pricing.prices[3].zones[0]')).toEqual([
      'topUpPolicy.pricing.prices[3].zones[0]',
      'topUpPolicy.pricing.prices[3].zones',
      'topUpPolicy.pricing.prices[3]',
      'topUpPolicy.pricing.prices',
      'topUpPolicy.pricing',
      'topUpPolicy',
    ]);
    expect(fieldId('topUpPolicy.pricing.prices[3].zones')).toBe(
      'setting-topUpPolicy-pricing-prices-3-zones',
    );
  });
});
