import { graphql } from '../../../app/graphql.js';

/** What a product card and the selected product's header show. */
export const ProductCardFragment = graphql(`
  fragment ProductCard on Product {
    id
    name
    kind
    status
    validFrom
    validUntil
    zone {
      code
      name
    }
    balance {
      amount
      unit
    }
    delegatedBy
    isOwner
    hasSessions
    canTopUp
    runningCount
    plannedCount
    plates {
      formattedPlate
      country
      active
    }
  }
`);

export const ProductGroupsQuery = graphql(
  `
    query ProductGroups {
      productGroups {
        count
        municipality {
          id
          name
          logoUrl
        }
        products {
          id
          ...ProductCard
        }
      }
    }
  `,
  [ProductCardFragment],
);
