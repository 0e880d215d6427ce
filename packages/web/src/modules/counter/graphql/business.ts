import { graphql } from '../../../app/graphql.js';

/**
 * The signed-in business's establishments from the business registry (KvK), each with the
 * town's address at it: a business picks one instead of typing an address (docs/rules.md §2).
 */
export const BusinessEstablishmentsQuery = graphql(`
  query BusinessEstablishments {
    businessEstablishments {
      establishmentNumber
      name
      isMain
      visitingAddress
      addressKey
      addressLabel
      zoneCode
      municipalityName
      sold
    }
  }
`);
