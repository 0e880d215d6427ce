import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { Context } from '../../graphql/context.js';
import { operationCost } from '../../graphql/operation-cost.js';
import { partnerKeyGrantOf } from './partner-key-auth.js';
import { budgetHeaders, BudgetSpent, takePartnerKeyBudget } from './partner-key-budget.js';

/**
 * The budgets of a request made with a town's machine key (docs/security.md, "Machine keys"),
 * taken once the operation is known (its cost needs the document): the remaining budget in the
 * response's headers, and when spent PARTNER_KEY_BUDGET_SPENT with HTTP 429 and Retry-After.
 */
export function partnerKeyBudgetPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, contextValue, response }) {
          const grant = partnerKeyGrantOf(contextValue.viewer);
          if (!grant) return;
          try {
            const budgets = await takePartnerKeyBudget(
              grant,
              operationCost(schema, document),
              contextValue,
            );
            for (const [name, value] of Object.entries(budgetHeaders(budgets))) {
              response.http.headers.set(name, value);
            }
          } catch (error) {
            if (!(error instanceof BudgetSpent)) throw error;
            for (const [name, value] of Object.entries(budgetHeaders(error.budgets))) {
              response.http.headers.set(name, value);
            }
            throw new GraphQLError(error.message, {
              originalError: error,
              extensions: { http: { status: 429 } },
            });
          }
        },
      };
    },
  };
}
