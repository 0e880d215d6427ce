import { describe, expect, it } from 'vitest';
import { cityCentreRegime } from '../regime/example-regimes.js';
import { productRulesFromJson, type ProductRules } from './product-rules.js';
import { visitorPolicyEndOfDay } from './session-policy.js';

describe('product rules that travelled as JSON', () => {
  it('come back equal to what was sent, dates as dates', () => {
    const sent: ProductRules = {
      policy: visitorPolicyEndOfDay,
      regime: cityCentreRegime,
      timeZone: 'Europe/Amsterdam',
      validity: { from: new Date('2026-01-01T00:00:00Z'), until: new Date('2027-01-01T00:00:00Z') },
      billing: { unit: 'minutes', minuteCounting: 'started', tariffs: [] },
    };
    const json = JSON.parse(JSON.stringify(sent)) as Record<string, unknown>;
    expect(productRulesFromJson(json)).toEqual(sent);
    const open = { ...sent, validity: { from: sent.validity.from, until: null } };
    expect(productRulesFromJson(JSON.parse(JSON.stringify(open)))).toEqual(open);
  });
});
