import { graphql } from '../../../app/graphql.js';

export const DeskPermitFields = graphql(`
  fragment DeskPermitFields on DeskPermit {
    grantId
    grantExpiresAt
    registrationNumber
    productName
    zoneName
    street
    status
    balance
    unit
    paidToday {
      start
      end
    }
    sessions {
      id
      formattedPlate
      start
      end
      status
      costSoFar
    }
    favorites {
      plate
      formattedPlate
      country
      name
    }
    recentPlates {
      plate
      formattedPlate
      country
    }
  }
`);

export const DeskFindPermitMutation = graphql(
  `
    mutation DeskFindPermit($registrationNumber: String!, $pin: String!) {
      deskFindPermit(registrationNumber: $registrationNumber, pin: $pin) {
        ...DeskPermitFields
      }
    }
  `,
  [DeskPermitFields],
);

export const DeskStartSessionMutation = graphql(
  `
    mutation DeskStartSession($input: DeskStartSessionInput!) {
      deskStartSession(input: $input) {
        permit {
          ...DeskPermitFields
        }
        refused {
          code
          message
        }
      }
    }
  `,
  [DeskPermitFields],
);

export const DeskChangeSessionEndMutation = graphql(
  `
    mutation DeskChangeSessionEnd($input: DeskChangeEndInput!) {
      deskChangeSessionEnd(input: $input) {
        permit {
          ...DeskPermitFields
        }
        refused {
          code
          message
        }
      }
    }
  `,
  [DeskPermitFields],
);

export const DeskStopSessionMutation = graphql(
  `
    mutation DeskStopSession($grantId: ID!, $id: ID!) {
      deskStopSession(grantId: $grantId, id: $id) {
        permit {
          ...DeskPermitFields
        }
      }
    }
  `,
  [DeskPermitFields],
);

export const DeskEndCallMutation = graphql(`
  mutation DeskEndCall($grantId: ID!) {
    deskEndCall(grantId: $grantId)
  }
`);
