import { graphql } from '../../../app/graphql.js';

export const PermitPlateFieldsFragment = graphql(`
  fragment PermitPlateFields on PermitPlate {
    plate
    formattedPlate
    country
    active
  }
`);

/** The permit's registered plates (docs/rules.md §6: with several, exactly one is active). */
export const PermitPlatesQuery = graphql(
  `
    query PermitPlates($permitId: ID!) {
      permitPlates(permitId: $permitId) {
        ...PermitPlateFields
      }
    }
  `,
  [PermitPlateFieldsFragment],
);

export const SwitchPlateMutation = graphql(
  `
    mutation SwitchPlate($input: SwitchPlateInput!) {
      switchPlate(input: $input) {
        ...PermitPlateFields
      }
    }
  `,
  [PermitPlateFieldsFragment],
);
