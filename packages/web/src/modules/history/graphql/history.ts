import { graphql } from '../../../app/graphql.js';

/** Rows per page: the 'show more' step (docs/rules.md §8). */
export const historyPageSize = 10;

export const SessionHistoryQuery = graphql(`
  query SessionHistory($permitId: ID!, $first: Int!, $after: String) {
    sessionHistory(permitId: $permitId, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          formattedPlate
          start
          end
          stoppedAt
          status
          cost
          unit
          delegated
          startedByEmail
          startedByApp
          segments {
            date
            start
            end
            minutes
            cost
          }
        }
      }
    }
  }
`);

export const TransactionHistoryQuery = graphql(`
  query TransactionHistory($permitId: ID!, $first: Int!, $after: String) {
    transactionHistory(permitId: $permitId, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          kind
          amount
          moneyCents
          balanceAfter
          at
          unit
          formattedPlate
        }
      }
    }
  }
`);

/** How the balance was used this period, per month and per plate (docs/rules.md §8). */
export const BalanceUsageQuery = graphql(`
  query BalanceUsage($permitId: ID!) {
    balanceUsage(permitId: $permitId) {
      unit
      periodStart
      nextPeriodStart
      used
      months {
        month
        used
        sessions
      }
      plates {
        plate
        formattedPlate
        country
        used
        sessions
      }
    }
  }
`);
