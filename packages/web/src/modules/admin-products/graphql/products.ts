import { graphql } from '../../../app/graphql.js';

export const AdminProductTypeFieldsFragment = graphql(`
  fragment AdminProductTypeFields on AdminProductType {
    id
    code
    kind
    nameNl
    nameEn
    balanceUnit
    delegationAllowed
    permitCount
    sessionPolicy {
      maxDurationMinutes
      defaultEnd
      latestEnd
      maxConcurrentSessions
      insufficientBalance
      invalidWeekdays
      pastStartToleranceMinutes
    }
    topUpPolicy
    counter {
      pricePerTermCents
      period
      alignment
      chargesAdministrationFee
      proRataRefund
      plateChangeFeeCents
      maxPlates
      requiresPlate
      renewalWindowDays
      reminderDaysBefore
      maxDaysAhead
      reviewCases
      documents {
        code
        name {
          nl
          en
        }
        when
      }
    }
    vehicleSizeLimits {
      maxMassKg
      maxLengthCm
    }
    foreignPlates
    maxListedPlates
    validIn
    validZoneCodes
    holderTypes
    maxPerAddress
    maxPerBusiness
    maxPerEstablishment
    onePerAddress
  }
`);

/** The town's product types, for the list page. */
export const AdminProductTypesQuery = graphql(`
  query AdminProductTypes {
    adminProductTypes {
      id
      code
      nameNl
      nameEn
      balanceUnit
      permitCount
    }
  }
`);

/** One product type with every setting, and the town's zones that price lines may name. */
export const AdminProductTypeQuery = graphql(
  `
    query AdminProductType($id: ID!) {
      adminProductType(id: $id) {
        ...AdminProductTypeFields
      }
      adminZones {
        id
        code
        name
      }
    }
  `,
  [AdminProductTypeFieldsFragment],
);

export const UpdateProductSettingsMutation = graphql(
  `
    mutation UpdateProductSettings($id: ID!, $input: ProductSettingsInput!) {
      updateProductSettings(id: $id, input: $input) {
        ...AdminProductTypeFields
      }
    }
  `,
  [AdminProductTypeFieldsFragment],
);

export const AdminTariffFieldsFragment = graphql(`
  fragment AdminTariffFields on AdminTariff {
    id
    zoneId
    zoneCode
    validFrom
    validUntil
    centsPerHour
  }
`);

export const AdminTariffsQuery = graphql(
  `
    query AdminTariffs($productTypeId: ID!) {
      adminTariffs(productTypeId: $productTypeId) {
        ...AdminTariffFields
      }
    }
  `,
  [AdminTariffFieldsFragment],
);

export const ScheduleTariffMutation = graphql(
  `
    mutation ScheduleTariff($input: TariffChangeInput!) {
      scheduleTariff(input: $input) {
        ...AdminTariffFields
      }
    }
  `,
  [AdminTariffFieldsFragment],
);

export const CancelTariffMutation = graphql(
  `
    mutation CancelTariff($id: ID!) {
      cancelTariff(id: $id) {
        ...AdminTariffFields
      }
    }
  `,
  [AdminTariffFieldsFragment],
);

export const MunicipalitySettingsQuery = graphql(`
  query MunicipalitySettings {
    municipalitySettings {
      id
      name
      retention {
        kind
        amount
      }
      administrationFeeCents
      residenceCheck
      objectionPeriodDays
      registrationLoginTopUps
    }
  }
`);

export const SetRegistrationLoginTopUpsMutation = graphql(`
  mutation SetRegistrationLoginTopUps($allowed: Boolean!) {
    setRegistrationLoginTopUps(allowed: $allowed) {
      id
      registrationLoginTopUps
    }
  }
`);

export const SetResidenceCheckMutation = graphql(`
  mutation SetResidenceCheck($residenceCheck: ResidenceCheck!) {
    setResidenceCheck(residenceCheck: $residenceCheck) {
      id
      residenceCheck
    }
  }
`);

export const SetObjectionPeriodMutation = graphql(`
  mutation SetObjectionPeriod($days: Int!) {
    setObjectionPeriod(objectionPeriodDays: $days) {
      id
      objectionPeriodDays
    }
  }
`);

export const SetRetentionMutation = graphql(`
  mutation SetRetention($input: RetentionInput!) {
    setRetention(input: $input) {
      id
      name
      retention {
        kind
        amount
      }
    }
  }
`);

export const SetAdministrationFeeMutation = graphql(`
  mutation SetAdministrationFee($cents: Int!) {
    setAdministrationFee(administrationFeeCents: $cents) {
      id
      administrationFeeCents
    }
  }
`);
