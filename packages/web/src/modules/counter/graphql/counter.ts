import { graphql } from '../../../app/graphql.js';

/** An address of the town by postcode and house number: its key is what an application names. */
export const CounterAddressQuery = graphql(`
  query CounterAddress($postcode: String!, $houseNumber: Int!, $addition: String) {
    findAddress(postcode: $postcode, houseNumber: $houseNumber, addition: $addition) {
      key
      label
      zoneCode
      zoneName
    }
  }
`);

/** A rule that says no, in the applicant's words (docs/rules.md §2, the permit counter). */
export const CounterRefusalFragment = graphql(`
  fragment CounterRefusal on CounterRefusal @_unmask {
    code
    message
    params
  }
`);

/** What the town offers at this address, each with its price, term and conditions. */
export const PermitOffersQuery = graphql(
  `
    query PermitOffers($addressKey: String) {
      permitOffers(addressKey: $addressKey) {
        productTypeCode
        kind
        name
        period
        pricePerTermCents
        administrationFeeCents
        requiresPlate
        maxPlates
        maxDaysAhead
        reviewCases
        documents {
          code
          name
          when
        }
        zoneCode
        available
        refusals {
          ...CounterRefusal
        }
      }
    }
  `,
  [CounterRefusalFragment],
);

/** The term and the amounts of an application as it stands, or every rule that refuses it. */
export const QuotePermitApplicationQuery = graphql(
  `
    query QuotePermitApplication($input: PermitApplicationInput!) {
      quotePermitApplication(input: $input) {
        __typename
        ... on PermitApplicationQuote {
          validFrom
          validUntil
          priceCents
          feeCents
          totalCents
          needsReview
          reviewCases
          unansweredRegistries
        }
        ... on PermitApplicationRefused {
          code
          message
          reasons {
            ...CounterRefusal
          }
        }
      }
    }
  `,
  [CounterRefusalFragment],
);

export const PermitLetterFragment = graphql(`
  fragment PermitLetter on PermitLetter @_unmask {
    id
    kind
    createdAt
    ready
    downloadUrl
  }
`);

/** An application as its status page and the permit's history show it. */
export const PermitApplicationFragment = graphql(
  `
    fragment PermitApplicationView on PermitApplication @_unmask {
      id
      kind
      status
      productTypeCode
      productName
      zoneCode
      addressLabel
      plates
      validFrom
      validUntil
      priceCents
      feeCents
      totalCents
      reviewCases
      unansweredRegistries
      explanation
      decisionReason
      createdAt
      decidedAt
      permitId
      paymentStatus
      paymentMethod
      checkoutUrl
      waitingListPosition
      offerExpiresAt
      letters {
        ...PermitLetter
      }
      documents {
        id
        fileName
        size
        downloadUrl
      }
    }
  `,
  [PermitLetterFragment],
);

/**
 * What a paying change answers, kept short (the API limits an operation's depth): the bank's page,
 * or the application to follow (its page reads the rest), or every rule that refuses it.
 */
const ChangeResultFragment = graphql(`
  fragment PermitChangeResult on PermitChangeResult @_unmask {
    __typename
    ... on PermitApplicationSubmitted {
      checkoutUrl
      application {
        id
        status
        plates
      }
    }
    ... on PermitApplicationRefused {
      code
      message
      reasons {
        code
        message
      }
    }
  }
`);

export const ApplyForPermitMutation = graphql(`
  mutation ApplyForPermit($input: ApplyForPermitInput!) {
    applyForPermit(input: $input) {
      __typename
      ... on PermitApplicationSubmitted {
        checkoutUrl
        application {
          id
          status
        }
      }
      ... on PermitApplicationRefused {
        code
        message
        reasons {
          code
          message
        }
      }
    }
  }
`);

/** One application: the payment's return page asks again until the bank has answered. */
export const PermitApplicationQuery = graphql(
  `
    query PermitApplication($id: ID!) {
      permitApplication(id: $id) {
        ...PermitApplicationView
      }
    }
  `,
  [PermitApplicationFragment],
);

export const MyPermitApplicationsQuery = graphql(
  `
    query MyPermitApplications {
      myPermitApplications {
        ...PermitApplicationView
      }
    }
  `,
  [PermitApplicationFragment],
);

const CounterPermitFragment = graphql(
  `
    fragment CounterPermitView on CounterPermit @_unmask {
      id
      productTypeCode
      productName
      kind
      zoneCode
      addressLabel
      status
      plates
      activePlate
      validFrom
      validUntil
      renewableFrom
      canRenew
      renewalQuote {
        validFrom
        validUntil
        priceCents
        feeCents
        totalCents
        needsReview
        reviewCases
      }
      canChangePlate
      plateChangeFeeCents
      canEnd
      refundIfEndedNowCents
      letters {
        ...PermitLetter
      }
      applications {
        ...PermitApplicationView
      }
    }
  `,
  [PermitLetterFragment, PermitApplicationFragment],
);

export const CounterPermitsQuery = graphql(
  `
    query CounterPermits {
      counterPermits {
        ...CounterPermitView
      }
    }
  `,
  [CounterPermitFragment],
);

export const CounterPermitQuery = graphql(
  `
    query CounterPermit($id: ID!) {
      counterPermit(id: $id) {
        ...CounterPermitView
      }
    }
  `,
  [CounterPermitFragment],
);

export const RenewPermitMutation = graphql(
  `
    mutation RenewPermit($input: RenewPermitInput!) {
      renewPermit(input: $input) {
        ...PermitChangeResult
      }
    }
  `,
  [ChangeResultFragment],
);

export const RequestPlateChangeMutation = graphql(
  `
    mutation RequestPlateChange($input: RequestPlateChangeInput!) {
      requestPlateChange(input: $input) {
        ...PermitChangeResult
      }
    }
  `,
  [ChangeResultFragment],
);

export const EndPermitMutation = graphql(`
  mutation EndPermit($input: EndPermitInput!) {
    endPermit(input: $input) {
      __typename
      ... on PermitEnded {
        refundCents
        permit {
          id
          status
        }
      }
      ... on PermitApplicationRefused {
        code
        message
        reasons {
          code
          message
        }
      }
    }
  }
`);

export { CounterPermitFragment };

/** Takes an offered place from the waiting list: the bank's page, or the application granted. */
export const PayPermitOfferMutation = graphql(`
  mutation PayPermitOffer($applicationId: ID!) {
    payPermitOffer(applicationId: $applicationId) {
      checkoutUrl
      application {
        id
        status
      }
    }
  }
`);

/** The holder's visitor permit: a new PIN by letter (docs/rules.md §6, "A new PIN by letter"). */
export const RequestNewPinLetterMutation = graphql(`
  mutation RequestNewPinLetter($permitId: ID!) {
    requestNewPinLetter(permitId: $permitId)
  }
`);
