import { graphql } from '../../../app/graphql.js';

export const AboutQuery = graphql(`
  query About {
    about {
      name
      version
    }
  }
`);
