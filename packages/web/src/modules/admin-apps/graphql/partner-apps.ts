import { graphql } from '../../../app/graphql.js';

export const PartnerAppsQuery = graphql(`
  query PartnerApps {
    partnerApps {
      id
      clientId
      name
      owner
      contactEmail
      redirectUris
      scopes
      kind
      disabled
    }
  }
`);

export const RegisterPartnerAppMutation = graphql(`
  mutation RegisterPartnerApp($input: RegisterPartnerAppInput!) {
    registerPartnerApp(input: $input) {
      clientSecret
      app {
        id
        clientId
        name
      }
    }
  }
`);

export const SetPartnerAppDisabledMutation = graphql(`
  mutation SetPartnerAppDisabled($id: ID!, $disabled: Boolean!) {
    setPartnerAppDisabled(id: $id, disabled: $disabled) {
      id
      disabled
    }
  }
`);

export const WebhookSubscriptionQuery = graphql(`
  query WebhookSubscription($appId: ID!) {
    webhookSubscription(appId: $appId) {
      id
      url
      eventTypes
      disabled
      secretCreatedAt
      deliveries(first: 10) {
        id
        type
        status
        occurredAt
        attempts
        nextAttemptAt
        attemptLog {
          at
          statusCode
          durationMs
          error
          nextAttemptAt
        }
      }
    }
  }
`);

export const SaveWebhookSubscriptionMutation = graphql(`
  mutation SaveWebhookSubscription($input: WebhookSubscriptionInput!) {
    saveWebhookSubscription(input: $input) {
      secret
      subscription {
        id
      }
    }
  }
`);

export const RotateWebhookSecretMutation = graphql(`
  mutation RotateWebhookSecret($appId: ID!) {
    rotateWebhookSecret(appId: $appId) {
      secret
      subscription {
        id
      }
    }
  }
`);

export const RedeliverWebhookMutation = graphql(`
  mutation RedeliverWebhook($deliveryId: ID!) {
    redeliverWebhook(deliveryId: $deliveryId) {
      id
      status
    }
  }
`);
