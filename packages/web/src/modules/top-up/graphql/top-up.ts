import { graphql } from '../../../app/graphql.js';

/** What the owner may buy now, the period maximum, or why nothing (docs/rules.md §4). */
export const TopUpOffersQuery = graphql(`
  query TopUpOffers($permitId: ID!) {
    topUpOffers(permitId: $permitId) {
      permitId
      unit
      offers {
        amount
        priceCents
        feeCents
        totalCents
      }
      cap {
        period
        measure
        unit
        limit
        used
        remaining
        periodStart
        nextPeriodStart
      }
      refusal {
        code
        message
        params
      }
    }
  }
`);

export const StartTopUpMutation = graphql(`
  mutation StartTopUp($input: StartTopUpInput!) {
    startTopUp(input: $input) {
      paymentId
      checkoutUrl
      status
    }
  }
`);

/** One top-up payment: the result page asks again until the bank has answered. */
export const PaymentQuery = graphql(`
  query Payment($id: ID!) {
    payment(id: $id) {
      id
      permitId
      status
      amount
      unit
      totalCents
      balanceAfter
      refund {
        reason
        status
      }
    }
  }
`);
