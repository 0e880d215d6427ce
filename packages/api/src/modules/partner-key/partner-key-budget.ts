import type { EntityManager } from '@mikro-orm/core';
import type { RateLimiterRes } from 'rate-limiter-flexible';
import { config } from '../../config/config.js';
import { AppError } from '../../graphql/app-error.js';
import { attemptLimits } from '../rate-limit/attempt-limits.js';
import type { PartnerKeyGrant } from './partner-key-auth.js';

/** Budgets are per minute: a fixed window that starts with the window's first request. */
export const budgetWindowSeconds = 60;

export interface BudgetState {
  readonly limit: number;
  readonly remaining: number;
  /** Seconds until the window ends and the budget is whole again. */
  readonly resetSeconds: number;
}

/** What a request left of its key's budgets: requests and operation cost. */
export interface KeyBudgets {
  readonly requests: BudgetState;
  readonly cost: BudgetState;
}

/** A key's budgets per minute: its own, or the configured defaults. */
export function budgetLimitsOf(grant: PartnerKeyGrant): { requests: number; cost: number } {
  const settings = config();
  return {
    requests: grant.requestsPerMinute ?? settings.PARTNER_KEY_REQUESTS_PER_MINUTE,
    cost: grant.costPerMinute ?? settings.PARTNER_KEY_COST_PER_MINUTE,
  };
}

const stateOf = (limit: number, res: RateLimiterRes): BudgetState => ({
  limit,
  remaining: Math.max(0, limit - res.consumedPoints),
  resetSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
});

/**
 * A spent budget: PARTNER_KEY_BUDGET_SPENT with `retryAfterSeconds` (HTTP 429 and Retry-After
 * over HTTP), and the budgets as they stand for the response's headers.
 */
export class BudgetSpent extends AppError {
  constructor(readonly budgets: KeyBudgets) {
    const seconds = Math.max(
      budgets.requests.remaining === 0 ? budgets.requests.resetSeconds : 0,
      budgets.cost.remaining === 0 ? budgets.cost.resetSeconds : 0,
      1,
    );
    super('PARTNER_KEY_BUDGET_SPENT', { seconds }, [], { retryAfterSeconds: seconds });
  }
}

/**
 * Takes one request and the operation's cost from the key's budgets (docs/security.md, "Machine
 * keys"), counted for all instances on the rate limits' store. Over either budget the request is
 * refused (BudgetSpent) and takes nothing: a refused request does not push the window further.
 */
export async function takePartnerKeyBudget(
  grant: PartnerKeyGrant,
  cost: number,
  scope: { em: EntityManager; now: Date },
): Promise<KeyBudgets> {
  const limits = budgetLimitsOf(grant);
  const limitsStore = attemptLimits();
  const [requestCounter, costCounter] = await Promise.all([
    limitsStore.counter('partnerKey:requests', budgetWindowSeconds),
    limitsStore.counter('partnerKey:cost', budgetWindowSeconds),
  ]);
  const options = { em: scope.em, now: scope.now };
  const points = Math.max(1, Math.ceil(cost));
  const [requests, spent] = await Promise.all([
    requestCounter.consume(grant.keyId, 1, options),
    costCounter.consume(grant.keyId, points, options),
  ]);
  const over = requests.consumedPoints > limits.requests || spent.consumedPoints > limits.cost;
  if (!over) {
    return { requests: stateOf(limits.requests, requests), cost: stateOf(limits.cost, spent) };
  }
  await Promise.all([
    requestCounter.reward(grant.keyId, 1, options),
    costCounter.reward(grant.keyId, points, options),
  ]);
  const budgets = {
    requests: {
      ...stateOf(limits.requests, requests),
      remaining: Math.max(0, limits.requests - requests.consumedPoints + 1),
    },
    cost: {
      ...stateOf(limits.cost, spent),
      remaining: Math.max(0, limits.cost - spent.consumedPoints + points),
    },
  };
  // The budget that refused counts as empty, whatever a smaller request would still fit.
  if (requests.consumedPoints > limits.requests) budgets.requests.remaining = 0;
  if (spent.consumedPoints > limits.cost) budgets.cost.remaining = 0;
  throw new BudgetSpent(budgets);
}

/**
 * The response headers of a key's budgets: `RateLimit-Limit`, `RateLimit-Remaining` and
 * `RateLimit-Reset` (seconds) of the request budget, as most clients read them, and both
 * budgets in the IETF draft's structured `RateLimit-Policy` / `RateLimit` fields.
 */
export function budgetHeaders(budgets: KeyBudgets): Record<string, string> {
  const { requests, cost } = budgets;
  return {
    'ratelimit-limit': String(requests.limit),
    'ratelimit-remaining': String(requests.remaining),
    'ratelimit-reset': String(requests.resetSeconds),
    'ratelimit-policy': `"requests";q=${requests.limit};w=${budgetWindowSeconds}, "cost";q=${cost.limit};w=${budgetWindowSeconds}`,
    ratelimit: `"requests";r=${requests.remaining};t=${requests.resetSeconds}, "cost";r=${cost.remaining};t=${cost.resetSeconds}`,
  };
}
