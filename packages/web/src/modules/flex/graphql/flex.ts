import { graphql } from '../../../app/graphql.js';

export const FlexPlateFieldsFragment = graphql(`
  fragment FlexPlateFields on FlexPlate {
    id
    plate
    formattedPlate
    country
    name
    role
    registered
  }
`);

export const FlexPermitFieldsFragment = graphql(
  `
    fragment FlexPermitFields on FlexPermit {
      id
      zoneName
      maxPlates
      date
      canRegister
      registrationStart
      paidHoursEnd
      nextDate
      balance
      unit
      registration {
        id
        plate
        formattedPlate
        start
        end
        status
      }
      plates {
        ...FlexPlateFields
      }
    }
  `,
  [FlexPlateFieldsFragment],
);

/** The list and today's registration (docs/rules.md §5, The flexible business permit). */
export const FlexPermitQuery = graphql(
  `
    query FlexPermit($id: ID!) {
      flexPermit(id: $id) {
        ...FlexPermitFields
      }
    }
  `,
  [FlexPermitFieldsFragment],
);

export const RegisterFlexPlateMutation = graphql(`
  mutation RegisterFlexPlate($input: RegisterFlexPlateInput!) {
    registerFlexPlate(input: $input) {
      __typename
      ... on SessionAccepted {
        session {
          id
          plate
          formattedPlate
          end
        }
      }
      ... on SessionRefused {
        code
        message
      }
    }
  }
`);

export const StopFlexRegistrationMutation = graphql(
  `
    mutation StopFlexRegistration($permitId: ID!) {
      stopFlexRegistration(permitId: $permitId) {
        ...FlexPermitFields
      }
    }
  `,
  [FlexPermitFieldsFragment],
);

export const AddFlexPlateMutation = graphql(
  `
    mutation AddFlexPlate($input: AddFlexPlateInput!) {
      addFlexPlate(input: $input) {
        ...FlexPlateFields
      }
    }
  `,
  [FlexPlateFieldsFragment],
);

export const RenameFlexPlateMutation = graphql(
  `
    mutation RenameFlexPlate($input: RenameFlexPlateInput!) {
      renameFlexPlate(input: $input) {
        ...FlexPlateFields
      }
    }
  `,
  [FlexPlateFieldsFragment],
);

export const RemoveFlexPlateMutation = graphql(
  `
    mutation RemoveFlexPlate($permitId: ID!, $id: ID!) {
      removeFlexPlate(permitId: $permitId, id: $id) {
        ...FlexPermitFields
      }
    }
  `,
  [FlexPermitFieldsFragment],
);
