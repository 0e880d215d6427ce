import { graphql } from '../../../app/graphql.js';

/** Returns the account as `me` does: the session reads it again after. */
export const UpdateSettingsMutation = graphql(`
  mutation UpdateSettings($input: UpdateSettingsInput!) {
    updateSettings(input: $input) {
      id
      language
      highContrast
      startPermitId
    }
  }
`);
