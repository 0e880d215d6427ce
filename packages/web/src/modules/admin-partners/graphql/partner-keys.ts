import { graphql } from '../../../app/graphql.js';

export const PartnerKeyFields = graphql(`
  fragment PartnerKeyFields on PartnerKeyDto {
    id
    partnerName
    label
    scopes
    keyPrefix
    createdAt
    rotatedAt
    previousSecretExpiresAt
    revokedAt
    lastUsedAt
    requestsToday
    requestsLast7Days
    requestsPerMinute
    costPerMinute
    ownBudget
  }
`);

export const PartnerKeysQuery = graphql(
  `
    query PartnerKeys {
      partnerKeys {
        ...PartnerKeyFields
      }
    }
  `,
  [PartnerKeyFields],
);

export const CreatePartnerKeyMutation = graphql(
  `
    mutation CreatePartnerKey($input: CreatePartnerKeyInput!) {
      createPartnerKey(input: $input) {
        secret
        partnerKey {
          ...PartnerKeyFields
        }
      }
    }
  `,
  [PartnerKeyFields],
);

export const RotatePartnerKeyMutation = graphql(
  `
    mutation RotatePartnerKey($id: ID!, $overlapHours: Int!) {
      rotatePartnerKey(id: $id, overlapHours: $overlapHours) {
        secret
        partnerKey {
          ...PartnerKeyFields
        }
      }
    }
  `,
  [PartnerKeyFields],
);

export const RevokePartnerKeyMutation = graphql(
  `
    mutation RevokePartnerKey($id: ID!) {
      revokePartnerKey(id: $id) {
        ...PartnerKeyFields
      }
    }
  `,
  [PartnerKeyFields],
);

export const SetPartnerKeyBudgetMutation = graphql(
  `
    mutation SetPartnerKeyBudget($id: ID!, $input: PartnerKeyBudgetInput!) {
      setPartnerKeyBudget(id: $id, input: $input) {
        ...PartnerKeyFields
      }
    }
  `,
  [PartnerKeyFields],
);
