import { graphql } from '../../../app/graphql.js';

export const MunicipalitiesQuery = graphql(`
  query Municipalities {
    municipalities {
      id
      code
      name
      timeZone
      retention {
        kind
        amount
      }
    }
  }
`);

export const CreateMunicipalityMutation = graphql(`
  mutation CreateMunicipality($input: MunicipalityInput!) {
    createMunicipality(input: $input) {
      id
      code
      name
    }
  }
`);
