import { graphql } from '../../../app/graphql.js';

/** A permit as the picker lists it: enough to tell one address's permits apart. */
export const RequestPermitFieldsFragment = graphql(`
  fragment RequestPermitFields on AdminPermit {
    id
    productCode
    productName
    kind
    zoneCode
    holderEmail
    addressLabel
    status
    balance
    unit
  }
`);

export const RequestPermitSearchQuery = graphql(
  `
    query RequestPermitSearch($search: String!, $first: Int!) {
      adminPermits(search: $search, first: $first) {
        totalCount
        edges {
          node {
            ...RequestPermitFields
          }
        }
      }
    }
  `,
  [RequestPermitFieldsFragment],
);

// ---- Informal-care time ----

export const CareGrantFieldsFragment = graphql(`
  fragment CareGrantFields on CareGrant {
    id
    minutes
    carerStatement
    grantedBy
    createdAt
  }
`);

export const CareGrantsQuery = graphql(
  `
    query CareGrants($permitId: ID!) {
      careGrants(permitId: $permitId) {
        ...CareGrantFields
      }
    }
  `,
  [CareGrantFieldsFragment],
);

export const GrantCareHoursMutation = graphql(
  `
    mutation GrantCareHours($input: GrantCareHoursInput!) {
      grantCareHours(input: $input) {
        grant {
          ...CareGrantFields
        }
        balanceAfter
        remainingMinutes
      }
    }
  `,
  [CareGrantFieldsFragment],
);

// ---- Holders' requests for care time ----

export const CareHoursRequestFieldsFragment = graphql(`
  fragment CareHoursRequestFields on CareHoursRequest {
    id
    permitId
    productCode
    addressLabel
    minutes
    carerStatement
    status
    requestedBy
    requestedAt
    decisionReason
    decidedBy
    decidedAt
  }
`);

export const CareHoursRequestsQuery = graphql(
  `
    query CareHoursRequests($status: FineWaiverStatus, $first: Int!) {
      careHoursRequests(status: $status, first: $first) {
        totalCount
        edges {
          node {
            ...CareHoursRequestFields
          }
        }
      }
    }
  `,
  [CareHoursRequestFieldsFragment],
);

export const DecideCareHoursRequestMutation = graphql(
  `
    mutation DecideCareHoursRequest($input: DecideCareHoursRequestInput!) {
      decideCareHoursRequest(input: $input) {
        balanceAfter
        remainingMinutes
        request {
          ...CareHoursRequestFields
        }
      }
    }
  `,
  [CareHoursRequestFieldsFragment],
);

// ---- Goodwill fine waivers ----

export const FineWaiverFieldsFragment = graphql(`
  fragment FineWaiverFields on FineWaiver {
    id
    productCode
    addressLabel
    fineReference
    fineDate
    status
    requestedAt
    recordedBy
    filedByHolder
    plate
    holderReason
    decisionReason
    decidedBy
    decidedAt
    fineCheck {
      reference
      checkedAt
      checkedFor
      zoneCode
      zoneName
      valid
      rightKind
      mayFine
      outage {
        start
        end
        recordedAt
      }
    }
  }
`);

export const waiverPageSize = 10;

export const FineWaiversQuery = graphql(
  `
    query FineWaivers($status: FineWaiverStatus, $first: Int!, $after: String) {
      fineWaivers(status: $status, first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            ...FineWaiverFields
          }
        }
      }
    }
  `,
  [FineWaiverFieldsFragment],
);

export const RecordFineWaiverMutation = graphql(
  `
    mutation RecordFineWaiver($input: RecordFineWaiverInput!) {
      recordFineWaiverRequest(input: $input) {
        ...FineWaiverFields
      }
    }
  `,
  [FineWaiverFieldsFragment],
);

export const DecideFineWaiverMutation = graphql(
  `
    mutation DecideFineWaiver($id: ID!, $approve: Boolean!, $reason: String!) {
      decideFineWaiver(id: $id, approve: $approve, reason: $reason) {
        ...FineWaiverFields
      }
    }
  `,
  [FineWaiverFieldsFragment],
);

// ---- Outage compensation ----

export const OutageZonesQuery = graphql(`
  query OutageZones {
    adminZones {
      id
      code
      name
    }
  }
`);

export const OutageCompensationFieldsFragment = graphql(`
  fragment OutageCompensationFields on OutageCompensation {
    id
    zoneCode
    windowStart
    windowEnd
    reason
    sessionsCredited
    createdBy
    createdAt
  }
`);

export const OutageCompensationsQuery = graphql(
  `
    query OutageCompensations {
      outageCompensations {
        ...OutageCompensationFields
      }
    }
  `,
  [OutageCompensationFieldsFragment],
);

export const CompensateOutageMutation = graphql(
  `
    mutation CompensateOutage($input: CompensateOutageInput!) {
      compensateOutage(input: $input) {
        minutesCredited
        compensation {
          ...OutageCompensationFields
        }
      }
    }
  `,
  [OutageCompensationFieldsFragment],
);
