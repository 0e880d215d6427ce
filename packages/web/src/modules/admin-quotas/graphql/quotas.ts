import { graphql } from '../../../app/graphql.js';

export const QuotaFieldsFragment = graphql(`
  fragment QuotaFields on ZoneQuota @_unmask {
    id
    zoneId
    zoneCode
    productTypeId
    productTypeCode
    productName
    limit
    offerDays
    taken
    waiting
  }
`);

/** The town's quotas, and the zones and permit types a new one may be for. */
export const QuotasQuery = graphql(
  `
    query AdminQuotas {
      adminQuotas {
        ...QuotaFields
      }
      adminZones {
        id
        code
        name
      }
      adminProductTypes {
        id
        code
        nameNl
        nameEn
      }
    }
  `,
  [QuotaFieldsFragment],
);

export const SetQuotaMutation = graphql(
  `
    mutation SetQuota($input: SetQuotaInput!) {
      setQuota(input: $input) {
        ...QuotaFields
      }
    }
  `,
  [QuotaFieldsFragment],
);

export const WaitingListEntryFragment = graphql(`
  fragment WaitingListEntryFields on WaitingListEntry @_unmask {
    applicationId
    position
    status
    addressLabel
    joinedAt
    offerExpiresAt
  }
`);

export const WaitingListQuery = graphql(
  `
    query WaitingList($zoneId: ID!, $productTypeId: ID!) {
      waitingList(zoneId: $zoneId, productTypeId: $productTypeId) {
        ...WaitingListEntryFields
      }
      adminQuotas {
        ...QuotaFields
      }
    }
  `,
  [WaitingListEntryFragment, QuotaFieldsFragment],
);

export const MoveEntryMutation = graphql(
  `
    mutation MoveWaitingListEntry($applicationId: ID!, $position: Int!) {
      moveWaitingListEntry(applicationId: $applicationId, position: $position) {
        ...WaitingListEntryFields
      }
    }
  `,
  [WaitingListEntryFragment],
);

export const RemoveEntryMutation = graphql(
  `
    mutation RemoveWaitingListEntry($applicationId: ID!, $reason: String!) {
      removeWaitingListEntry(applicationId: $applicationId, reason: $reason) {
        ...WaitingListEntryFields
      }
    }
  `,
  [WaitingListEntryFragment],
);

export const OfferEntryMutation = graphql(
  `
    mutation OfferWaitingListEntry($applicationId: ID!) {
      offerWaitingListEntry(applicationId: $applicationId) {
        ...WaitingListEntryFields
      }
    }
  `,
  [WaitingListEntryFragment],
);
