import { graphql } from '../../../app/graphql.js';

/** The DigiD and eHerkenning logins the towns offer, for the login page and the settings. */
export const SignInOptionsQuery = graphql(`
  query SignInOptions {
    signInOptions {
      municipalityCode
      municipalityName
      kind
      startPath
    }
  }
`);

export const IdentityLinksQuery = graphql(`
  query IdentityLinks {
    identityLinks {
      kind
      linkedAt
    }
  }
`);

export const UnlinkIdentityMutation = graphql(`
  mutation UnlinkIdentity($kind: IdentityKind!) {
    unlinkIdentity(kind: $kind)
  }
`);
