import { graphql } from '../../../app/graphql.js';

/** The officer's towns and their zones (only its assigned towns: docs/rules.md §9). */
export const EnforcementPlacesQuery = graphql(`
  query EnforcementPlaces {
    enforcementPlaces {
      code
      name
      zones {
        code
        name
        hasArea
      }
    }
  }
`);

/** The right-check: a tick without personal data (docs/rules.md §9). */
export const RightCheckQuery = graphql(`
  query RightCheck($input: RightCheckInput!) {
    rightCheck(input: $input) {
      valid
      kind
      permitKind
      validUntil
      checkedAt
      plate
      zone
      checkId
      mayFine
      outage {
        start
        end
      }
    }
  }
`);
