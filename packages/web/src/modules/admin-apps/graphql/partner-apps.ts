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
