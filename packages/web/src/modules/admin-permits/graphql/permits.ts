import { graphql } from '../../../app/graphql.js';

/** Results per page of the search: the 'show more' step. */
export const permitSearchPageSize = 20;

/** What a search result shows of a permit. */
export const AdminPermitFieldsFragment = graphql(`
  fragment AdminPermitFields on AdminPermit {
    id
    productCode
    productName
    kind
    hasPlateRight
    zoneCode
    holderEmail
    addressLabel
    status
    balance
    unit
    plates {
      plate
      formattedPlate
      active
    }
  }
`);

export const AdminPermitsQuery = graphql(
  `
    query AdminPermits($search: String!, $first: Int!, $after: String) {
      adminPermits(search: $search, first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            ...AdminPermitFields
          }
        }
      }
    }
  `,
  [AdminPermitFieldsFragment],
);

/** Everything the details page shows of a permit, but its ledger (paged on its own). */
export const AdminPermitDetailsFieldsFragment = graphql(`
  fragment AdminPermitDetailsFields on AdminPermitDetails {
    id
    productCode
    productTypeCode
    productName
    kind
    hasPlateRight
    zoneCode
    holderEmail
    holderType
    addressLabel
    addressKey
    status
    balance
    unit
    plates {
      plate
      formattedPlate
      country
      active
    }
    validFrom
    validUntil
    openDelegations
    openSessions
    createdAt
    establishmentNumber
  }
`);

export const AdminPermitQuery = graphql(
  `
    query AdminPermit($id: ID!) {
      adminPermit(id: $id) {
        ...AdminPermitDetailsFields
      }
    }
  `,
  [AdminPermitDetailsFieldsFragment],
);

/**
 * The permit's ledger, a page at a time. Its variables are the residents' history queries'
 * (`permitId`, `first`, `after`), so the history module's paging serves it as well.
 */
export const AdminPermitLedgerQuery = graphql(`
  query AdminPermitLedger($permitId: ID!, $first: Int!, $after: String) {
    adminPermit(id: $permitId) {
      id
      ledger(first: $first, after: $after) {
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
  }
`);

export const BlockPermitMutation = graphql(
  `
    mutation BlockPermit($id: ID!, $reason: String!) {
      blockPermit(id: $id, reason: $reason) {
        ...AdminPermitDetailsFields
      }
    }
  `,
  [AdminPermitDetailsFieldsFragment],
);

export const UnblockPermitMutation = graphql(
  `
    mutation UnblockPermit($id: ID!) {
      unblockPermit(id: $id) {
        ...AdminPermitDetailsFields
      }
    }
  `,
  [AdminPermitDetailsFieldsFragment],
);

export const RevokePermitMutation = graphql(
  `
    mutation RevokePermit($id: ID!, $occasion: RefundOccasion!) {
      revokePermit(id: $id, occasion: $occasion) {
        refundCents
        refundedAmount
        refundRefusal
        endedSessions
        permit {
          ...AdminPermitDetailsFields
        }
      }
    }
  `,
  [AdminPermitDetailsFieldsFragment],
);

export const ChangePermitPlateMutation = graphql(
  `
    mutation ChangePermitPlate($id: ID!, $plate: String!, $country: String) {
      changePermitPlate(id: $id, plate: $plate, country: $country) {
        ...AdminPermitDetailsFields
      }
    }
  `,
  [AdminPermitDetailsFieldsFragment],
);

/** The issue form's choices: the town's product types and zones. */
export const IssueChoicesQuery = graphql(`
  query IssueChoices {
    adminProductTypes {
      id
      code
      nameNl
      nameEn
    }
    adminZones {
      id
      code
      name
    }
  }
`);

export const IssuePermitMutation = graphql(`
  mutation IssuePermit($input: IssuePermitInput!) {
    issuePermit(input: $input) {
      productCode
      pin
      permit {
        id
        productName
        addressLabel
      }
    }
  }
`);

/** The permit's decision letters, oldest first (docs/rules.md §1 Letters). */
export const AdminPermitLettersQuery = graphql(`
  query AdminPermitLetters($permitId: ID!) {
    permitLetters(permitId: $permitId) {
      id
      kind
      createdAt
      ready
      downloadUrl
    }
  }
`);

/** Top-ups of the permit that were paid but refunded instead of credited. */
export const AdminPermitRefundedPaymentsQuery = graphql(`
  query AdminPermitRefundedPayments($id: ID!) {
    adminPermit(id: $id) {
      id
      refundedPayments {
        id
        amount
        unit
        totalCents
        refund {
          reason
          status
          requestedAt
          refundedAt
          providerRef
        }
      }
    }
  }
`);

export const FindAddressQuery = graphql(`
  query FindAddress($postcode: String!, $houseNumber: Int!, $addition: String) {
    findAddress(postcode: $postcode, houseNumber: $houseNumber, addition: $addition) {
      key
      label
      zoneCode
      zoneName
    }
  }
`);

/**
 * A flexible business permit's list and today's registration, as the town's admin reads them
 * (docs/rules.md §5): the business keeps the list, the back office only looks.
 */
export const AdminFlexPermitQuery = graphql(`
  query AdminFlexPermit($id: ID!) {
    flexPermit(id: $id) {
      id
      maxPlates
      registration {
        id
        formattedPlate
        country
        start
        end
        status
      }
      plates {
        id
        plate
        formattedPlate
        country
        name
        role
        registered
      }
    }
  }
`);

/** docs/rules.md §6, "A new PIN by letter": one a day per permit. */
export const RequestNewPinLetterMutation = graphql(
  `
    mutation RequestNewPinLetterForPermit($id: ID!) {
      requestNewPinLetterForPermit(id: $id) {
        ...AdminPermitDetailsFields
      }
    }
  `,
  [AdminPermitDetailsFieldsFragment],
);
