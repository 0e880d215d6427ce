import { graphql } from '../../../app/graphql.js';

export const AppAuthorizationQuery = graphql(`
  query AppAuthorization($uid: String!) {
    appAuthorization(uid: $uid) {
      uid
      app {
        id
        name
        owner
      }
      redirectHost
      scopes
      actingFor
    }
  }
`);

export const DecideAppAuthorizationMutation = graphql(`
  mutation DecideAppAuthorization($uid: String!, $allow: Boolean!) {
    decideAppAuthorization(uid: $uid, allow: $allow) {
      redirectTo
    }
  }
`);

export const ConnectedAppsQuery = graphql(`
  query ConnectedApps {
    connectedApps {
      app {
        id
        name
        owner
      }
      scopes
      connectedAt
      lastUsedAt
    }
  }
`);

export const RevokeConnectedAppMutation = graphql(`
  mutation RevokeConnectedApp($appId: ID!) {
    revokeConnectedApp(appId: $appId)
  }
`);
