import type { BillingContext } from '../billing/bill.js';
import type { LimitContext } from './session-limits.js';
import type { SessionPolicy } from './session-policy.js';

/**
 * Everything needed to decide and bill the sessions of one product: its policy, its zone's paid
 * hours, the municipality's time zone, its validity and its billing. Pure data: the API decides
 * with it and sends the same object to the web app for the live cost preview.
 */
export interface ProductRules extends LimitContext, BillingContext {
  readonly policy: SessionPolicy;
}

/**
 * Rules that travelled as JSON (the API's `rules` field) with their dates back as dates; the
 * rest (local dates, minutes, tariffs) is JSON already.
 */
export function productRulesFromJson(json: Record<string, unknown>): ProductRules {
  const rules = json as unknown as ProductRules & {
    validity: { from: string | Date; until: string | Date | null };
  };
  return {
    ...rules,
    validity: {
      from: new Date(rules.validity.from),
      until: rules.validity.until === null ? null : new Date(rules.validity.until),
    },
  };
}
