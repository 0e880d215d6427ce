import {
  emissionRuleFuels,
  validateZoneEmissionRule,
  type ZoneEmissionRule,
} from '@parkeer/domain/eligibility/vehicle';
import type { DomainProblem } from '../../app/form/domain-schema.js';

export type EmissionFuel = (typeof emissionRuleFuels)[number];
export const emissionFuels: readonly EmissionFuel[] = emissionRuleFuels;

/** The form's text per fuel: the lowest Euro class as typed, '' for no requirement. */
export type EmissionValues = Record<EmissionFuel, string>;

/** The API's input (ZoneEmissionRuleInput) and its answer: a class per fuel, null for none. */
export type EmissionRuleFields = Record<EmissionFuel, number | null>;

/** The stored rule as the form shows it (no rule: every field empty). */
export function valuesOfRule(rule: Partial<EmissionRuleFields> | null | undefined): EmissionValues {
  return Object.fromEntries(
    emissionFuels.map((fuel) => [fuel, rule?.[fuel] == null ? '' : String(rule[fuel])]),
  ) as EmissionValues;
}

/**
 * The rule the typed text makes (docs/rules.md §2 emission rule): an empty field admits the fuel,
 * all empty is no rule. Text that is not a whole number is kept as NaN, so the domain's check
 * refuses it in its own words rather than the form guessing a number.
 */
export function ruleOfValues(values: EmissionValues): ZoneEmissionRule | null {
  const entered = emissionFuels.filter((fuel) => values[fuel].trim() !== '');
  if (entered.length === 0) return null;
  return {
    minimumEuroClass: Object.fromEntries(
      entered.map((fuel) => {
        const text = values[fuel].trim();
        return [fuel, /^\d+$/.test(text) ? Number(text) : Number.NaN];
      }),
    ),
  };
}

/** The mutation's `rule` argument for a checked rule (null removes the zone's rule). */
export function inputOfRule(rule: ZoneEmissionRule | null): Partial<EmissionRuleFields> | null {
  return rule ? { ...rule.minimumEuroClass } : null;
}

const fuelPath = /^emissionRule\.minimumEuroClass\.(\w+)$/;

/** The form's field for a problem of the domain or the API (`emissionRule.minimumEuroClass.diesel`). */
export function fieldOfEmissionPath(path: string): EmissionFuel | null {
  const fuel = fuelPath.exec(path)?.[1];
  return emissionFuels.find((known) => known === fuel) ?? null;
}

/** validateZoneEmissionRule on the typed text, each problem at its fuel's field. */
export function emissionProblems(values: EmissionValues): DomainProblem[] {
  return validateZoneEmissionRule(ruleOfValues(values)).map((problem) => ({
    code: problem.code,
    path: fieldOfEmissionPath(problem.path) ?? '',
    ...(problem.params ? { params: problem.params } : {}),
  }));
}
