import { graphql } from '../../../app/graphql.js';

/** What the e-mailed link adds, and whether its address already has an account. */
export const CouplingLinkQuery = graphql(`
  query CouplingLink($token: String!) {
    couplingLink(token: $token) {
      productName
      municipalityName
      addressLabel
      email
      accountExists
    }
  }
`);

/** Couples the product to the link's account (made if new) and logs in as that account. */
export const AcceptCouplingLinkMutation = graphql(`
  mutation AcceptCouplingLink($input: AcceptCouplingLinkInput!) {
    acceptCouplingLink(input: $input) {
      me {
        id
        email
      }
    }
  }
`);
