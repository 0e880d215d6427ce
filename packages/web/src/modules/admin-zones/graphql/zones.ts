import { graphql } from '../../../app/graphql.js';

export const AdminZoneFieldsFragment = graphql(`
  fragment AdminZoneFields on AdminZone {
    id
    code
    name
    emissionRule {
      petrol
      diesel
      lpg
      cng
    }
    regime {
      weekly {
        weekday
        from
        to
      }
      exceptions {
        date
        label
        windows {
          from
          to
        }
      }
    }
  }
`);

export const AdminZonesQuery = graphql(
  `
    query AdminZones {
      adminZones {
        ...AdminZoneFields
      }
    }
  `,
  [AdminZoneFieldsFragment],
);

export const AdminZoneQuery = graphql(
  `
    query AdminZone($id: ID!) {
      adminZone(id: $id) {
        ...AdminZoneFields
      }
    }
  `,
  [AdminZoneFieldsFragment],
);

export const CreateZoneMutation = graphql(
  `
    mutation CreateZone($input: ZoneInput!) {
      createZone(input: $input) {
        ...AdminZoneFields
      }
    }
  `,
  [AdminZoneFieldsFragment],
);

export const UpdateZoneMutation = graphql(
  `
    mutation UpdateZone($id: ID!, $input: ZoneInput!) {
      updateZone(id: $id, input: $input) {
        ...AdminZoneFields
      }
    }
  `,
  [AdminZoneFieldsFragment],
);

export const SetZoneRegimeMutation = graphql(
  `
    mutation SetZoneRegime($id: ID!, $regime: ZoneRegimeInput!) {
      setZoneRegime(id: $id, regime: $regime) {
        ...AdminZoneFields
      }
    }
  `,
  [AdminZoneFieldsFragment],
);

export const SetZoneEmissionRuleMutation = graphql(
  `
    mutation SetZoneEmissionRule($id: ID!, $rule: ZoneEmissionRuleInput) {
      setZoneEmissionRule(id: $id, rule: $rule) {
        ...AdminZoneFields
      }
    }
  `,
  [AdminZoneFieldsFragment],
);
