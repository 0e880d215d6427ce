import { graphql } from '../../../app/graphql.js';

/** What the page shows of an import: its progress and its report. */
export const AddressImportFieldsFragment = graphql(`
  fragment AddressImportFields on AddressImport {
    id
    fileName
    format
    status
    createdAt
    finishedAt
    totalRows
    rowsDone
    rowsAdded
    rowsUpdated
    rowsUnchanged
    refusedCount
    refused {
      row
      code
      message
    }
  }
`);

export const AddressImportsQuery = graphql(
  `
    query AddressImports {
      addressImports {
        ...AddressImportFields
      }
    }
  `,
  [AddressImportFieldsFragment],
);

export const StartAddressImportMutation = graphql(
  `
    mutation StartAddressImport($input: AddressImportInput!) {
      startAddressImport(input: $input) {
        ...AddressImportFields
      }
    }
  `,
  [AddressImportFieldsFragment],
);

export const ZoneShapesQuery = graphql(`
  query ZoneShapes {
    zoneShapes {
      zoneId
      code
      name
      ranges {
        postcodeFrom
        postcodeTo
        houseNumberFrom
        houseNumberTo
        parity
      }
      area
      addressCount
    }
  }
`);

export const SetZoneShapeMutation = graphql(`
  mutation SetZoneShape($id: ID!, $shape: ZoneShapeInput!) {
    setZoneShape(id: $id, shape: $shape) {
      zoneId
      code
      name
      ranges {
        postcodeFrom
        postcodeTo
        houseNumberFrom
        houseNumberTo
        parity
      }
      area
      addressCount
    }
  }
`);
