import { graphql } from '../../../app/graphql.js';

export const AddProductByCodeMutation = graphql(`
  mutation AddProductByCode($input: AddProductByCodeInput!) {
    addProductByCode(input: $input) {
      id
      name
    }
  }
`);
