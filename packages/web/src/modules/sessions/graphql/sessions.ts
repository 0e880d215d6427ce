import { graphql } from '../../../app/graphql.js';
import { ProductCardFragment } from '../../products/graphql/products.js';

export const SessionItemFragment = graphql(`
  fragment SessionItem on Session {
    id
    permitId
    plate
    formattedPlate
    country
    start
    end
    status
    reservation
    unit
    delegated
    startedByMe
  }
`);

/** The selected product: its header, and what the cost preview needs. */
export const ProductDetailQuery = graphql(
  `
    query ProductDetail($id: ID!) {
      product(id: $id) {
        id
        ...ProductCard
        isOwner
        delegationAllowed
        delegationPlate
        rules
      }
    }
  `,
  [ProductCardFragment],
);

export const SessionsQuery = graphql(
  `
    query Sessions($permitId: ID) {
      sessions(permitId: $permitId) {
        runningCount
        plannedCount
        running {
          ...SessionItem
        }
        planned {
          ...SessionItem
        }
      }
    }
  `,
  [SessionItemFragment],
);

export const StopSessionMutation = graphql(`
  mutation StopSession($id: ID!) {
    stopSession(id: $id) {
      id
      status
    }
  }
`);

export const DeleteSessionMutation = graphql(`
  mutation DeleteSession($id: ID!) {
    deleteSession(id: $id) {
      id
      status
    }
  }
`);

const QuoteFields = graphql(`
  fragment QuoteFields on SessionQuote {
    formattedPlate
    start
    end
    paidMinutes
    cost
    reservation
    unit
    planned
    runsToZero
    coveredUntil
  }
`);

export const ChangeSessionEndMutation = graphql(
  `
    mutation ChangeSessionEnd($input: ChangeSessionEndInput!) {
      changeSessionEnd(input: $input) {
        __typename
        ... on SessionAccepted {
          session {
            id
            end
          }
        }
        ... on SessionRefused {
          code
          message
          proposal {
            ...QuoteFields
          }
        }
      }
    }
  `,
  [QuoteFields],
);

export const StartSessionMutation = graphql(
  `
    mutation StartSession($input: StartSessionInput!) {
      startSession(input: $input) {
        __typename
        ... on SessionAccepted {
          session {
            id
            reservation
            status
          }
          quote {
            ...QuoteFields
          }
        }
        ... on SessionRefused {
          code
          message
          params
          proposal {
            ...QuoteFields
          }
        }
      }
    }
  `,
  [QuoteFields],
);

export { QuoteFields };

/** Plates to pick from: the favorites (owner only) and those parked lately. */
export const PlateChoicesQuery = graphql(`
  query PlateChoices($permitId: ID!, $owner: Boolean!) {
    favorites(permitId: $permitId) @include(if: $owner) {
      id
      name
      plate
      formattedPlate
      country
    }
    recentPlates(permitId: $permitId, first: 10) {
      plate
      formattedPlate
      country
    }
  }
`);
