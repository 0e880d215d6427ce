import { graphql } from '../../../app/graphql.js';

/** Applications per page of the queue: the 'show more' step. */
export const applicationsPageSize = 20;

/** What the queue shows of an application. */
export const ApplicationRowFieldsFragment = graphql(`
  fragment ApplicationRowFields on PermitApplication {
    id
    kind
    status
    productName
    zoneCode
    addressLabel
    establishmentNumber
    plates
    totalCents
    reviewCases
    unansweredRegistries
    reviewReasons
    createdAt
  }
`);

export const PermitApplicationsQuery = graphql(
  `
    query PermitApplications($status: ApplicationStatus, $first: Int!, $after: String) {
      permitApplications(status: $status, first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            ...ApplicationRowFields
          }
        }
      }
    }
  `,
  [ApplicationRowFieldsFragment],
);

/** Everything the detail page shows and the decision changes. */
export const AdminApplicationFieldsFragment = graphql(`
  fragment AdminApplicationFields on AdminPermitApplication {
    applicantLabel
    actorLabel
    eligibility {
      code
      message
    }
    application {
      id
      kind
      status
      productTypeCode
      productName
      zoneCode
      addressLabel
      establishmentNumber
      plates
      validFrom
      validUntil
      priceCents
      feeCents
      totalCents
      reviewCases
      unansweredRegistries
      reviewReasons
      explanation
      decisionReason
      createdAt
      decidedAt
      permitId
      paymentStatus
      paymentMethod
      letters {
        id
        kind
        createdAt
        ready
        downloadUrl
      }
      documents {
        id
        fileName
        requirement
        contentType
        size
        downloadUrl
      }
    }
  }
`);

export const AdminPermitApplicationQuery = graphql(
  `
    query AdminPermitApplication($id: ID!) {
      adminPermitApplication(id: $id) {
        ...AdminApplicationFields
      }
    }
  `,
  [AdminApplicationFieldsFragment],
);

export const DecidePermitApplicationMutation = graphql(
  `
    mutation DecidePermitApplication($input: DecidePermitApplicationInput!) {
      decidePermitApplication(input: $input) {
        ...AdminApplicationFields
      }
    }
  `,
  [AdminApplicationFieldsFragment],
);

/** Mails a decision letter to the applicant again, with the PDF attached. */
export const ResendLetterMutation = graphql(`
  mutation ResendLetter($id: ID!) {
    resendLetter(id: $id) {
      id
      ready
    }
  }
`);
