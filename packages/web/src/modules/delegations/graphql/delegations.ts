import { graphql } from '../../../app/graphql.js';

/** A product's delegations, newest first, as its owner sees them. */
export const DelegationsQuery = graphql(`
  query Delegations($permitId: ID!) {
    delegations(permitId: $permitId) {
      id
      email
      delegateEmail
      formattedPlate
      budget
      balance
      unit
      status
      createdAt
      acceptedAt
      revokedAt
    }
  }
`);

export const InviteDelegationMutation = graphql(`
  mutation InviteDelegation($input: InviteDelegationInput!) {
    inviteDelegation(input: $input) {
      id
      email
      status
    }
  }
`);

export const RevokeDelegationMutation = graphql(`
  mutation RevokeDelegation($id: ID!) {
    revokeDelegation(id: $id) {
      id
      status
      balance
      revokedAt
    }
  }
`);

/** What an e-mailed invitation offers; needs no login. */
export const DelegationInvitationQuery = graphql(`
  query DelegationInvitation($token: String!) {
    delegationInvitation(token: $token) {
      ownerEmail
      invitedEmail
      productName
      municipality
      zone
      budget
      unit
      formattedPlate
    }
  }
`);

/** Returns the id of the product the delegation gives access to. */
export const AcceptDelegationMutation = graphql(`
  mutation AcceptDelegation($input: AcceptDelegationInput!) {
    acceptDelegation(input: $input)
  }
`);
