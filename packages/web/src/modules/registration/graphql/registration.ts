import { graphql } from '../../../app/graphql.js';

/** The registration number + PIN login of this browser, or null. */
export const RegistrationLoginQuery = graphql(`
  query RegistrationLogin {
    registrationLogin {
      permitId
      registrationNumber
      idleMinutes
    }
  }
`);

export const LoginWithRegistrationMutation = graphql(`
  mutation LoginWithRegistration($input: RegistrationLoginInput!) {
    loginWithRegistration(input: $input) {
      permitId
    }
  }
`);

/** The one permit: its balance, large, and what the visit form needs. */
export const RegistrationPermitQuery = graphql(`
  query RegistrationPermit($id: ID!) {
    product(id: $id) {
      id
      name
      zone {
        name
      }
      balance {
        amount
        unit
      }
    }
  }
`);

export const ChangePinMutation = graphql(`
  mutation ChangePin($input: ChangePinInput!) {
    changePin(input: $input)
  }
`);

export const RegistrationLogoutMutation = graphql(`
  mutation RegistrationLogout {
    logout
  }
`);

/** The sign-in page's "forgot PIN": the same answer for every number (docs/rules.md §6). */
export const RequestNewPinByRegistrationMutation = graphql(`
  mutation RequestNewPinByRegistration($registrationNumber: String!) {
    requestNewPinByRegistration(registrationNumber: $registrationNumber)
  }
`);
