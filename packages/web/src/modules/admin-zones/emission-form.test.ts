import { describe, expect, it } from 'vitest';
import {
  emissionProblems,
  fieldOfEmissionPath,
  inputOfRule,
  ruleOfValues,
  valuesOfRule,
} from './emission-form.js';

const empty = { petrol: '', diesel: '', lpg: '', cng: '' };

describe("the zone's emission rule form (docs/rules.md §2 emission rule)", () => {
  it('shows a stored rule per fuel and no rule as empty fields', () => {
    expect(valuesOfRule({ diesel: 6, petrol: null, lpg: null, cng: 4 })).toEqual({
      ...empty,
      diesel: '6',
      cng: '4',
    });
    expect(valuesOfRule(null)).toEqual(empty);
  });

  it('sends only the fuels filled in, and no rule when every field is empty', () => {
    const rule = ruleOfValues({ ...empty, diesel: ' 6 ' });
    expect(rule).toEqual({ minimumEuroClass: { diesel: 6 } });
    expect(inputOfRule(rule)).toEqual({ diesel: 6 });
    expect(ruleOfValues(empty)).toBeNull();
    expect(inputOfRule(ruleOfValues(empty))).toBeNull();
    expect(emissionProblems(empty)).toEqual([]);
  });

  it('refuses a class outside Euro 1–7 and text that is not a whole number, at its fuel', () => {
    expect(emissionProblems({ ...empty, diesel: '6', petrol: '9' })).toEqual([
      { code: 'SETTING_TOO_LARGE', path: 'petrol', params: { max: 7 } },
    ]);
    expect(emissionProblems({ ...empty, lpg: '0', cng: 'Euro 5' }).map((p) => p.path)).toEqual([
      'lpg',
      'cng',
    ]);
    expect(emissionProblems({ ...empty, cng: '4.5' })[0]?.code).toBe('SETTING_NOT_POSITIVE');
  });

  it("puts the API's problems on the fuel they are about", () => {
    expect(fieldOfEmissionPath('emissionRule.minimumEuroClass.diesel')).toBe('diesel');
    expect(fieldOfEmissionPath('emissionRule.minimumEuroClass.kerosine')).toBeNull();
    expect(fieldOfEmissionPath('emissionRule')).toBeNull();
  });
});
