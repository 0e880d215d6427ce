import type { StandardSchemaV1 } from '@standard-schema/spec';
import type { TopUpPolicy } from '@parkeer/domain/balance/top-up-policy';
import type { SessionPolicy } from '@parkeer/domain/session-policy/session-policy';
import { validateApplicantRules } from '@parkeer/domain/settings/applicant-rules-validation';
import { validateCounterSettings } from '@parkeer/domain/settings/counter-settings-validation';
import { validatePermitScope } from '@parkeer/domain/settings/permit-scope-validation';
import { validateSessionPolicy } from '@parkeer/domain/settings/session-policy-validation';
import { validateTopUpPolicy } from '@parkeer/domain/settings/top-up-policy-validation';
import type { LocalDate } from '@parkeer/domain/time/local-date';
import type { Language } from '@parkeer/shared/language';
import { domainSchema } from '../../app/form/domain-schema.js';
import { pathSegments } from '../../app/form/paths.js';
import type { AmountUnit } from './amounts.js';
import {
  inputOf,
  type LocalProblem,
  type SettingsDraft,
  type SettingsInput,
} from './settings-draft.js';

export interface SettingsContext {
  readonly unit: AmountUnit | null;
  readonly zoneCodes: readonly string[];
  readonly today: LocalDate;
  /** The top-up policy stored now: its lines in effect must come back unchanged. */
  readonly previous: TopUpPolicy | null;
  /** A flexible business permit: it lists plates (docs/rules.md §5). */
  readonly listsPlates?: boolean;
  /** Whether the permit may be valid beyond its own zone (the API's rule, `validatePermitScope`). */
  readonly zonesSettable?: boolean;
  /** The database holds the product to one per address (a visitor permit): the API's context. */
  readonly onePerAddress?: boolean;
}

/**
 * The product settings form's check in the browser (docs/architecture.md, "The web app"): first
 * whether every typed number reads as one (only the form knows the text), then the domain's own
 * session and top-up rules, the ones the API runs on save, with the catalogue's words. Problems
 * sit at the API's paths (`topUpPolicy.cap.limit`), which are the form's field names, so a
 * problem the API finds later lands on the same field. Names are left to the API.
 */
export function settingsSchema(
  context: SettingsContext,
  language: Language,
  localMessage: (reason: LocalProblem['reason']) => string,
): StandardSchemaV1<SettingsDraft, SettingsInput> {
  const rules = domainSchema<SettingsDraft, SettingsInput>(
    {
      problems(values) {
        const { input } = inputOf(values, context.unit);
        return [
          ...(input.sessionPolicy
            ? validateSessionPolicy(input.sessionPolicy as unknown as SessionPolicy)
            : []),
          ...(input.topUpPolicy && context.unit
            ? validateTopUpPolicy(input.topUpPolicy, {
                unit: context.unit,
                zoneCodes: context.zoneCodes,
                today: context.today,
                previous: context.previous,
              })
            : []),
          ...(input.counter ? validateCounterSettings(input.counter) : []),
          ...(input.validIn && input.foreignPlates
            ? validatePermitScope(
                {
                  vehicleSizeLimits: input.vehicleSizeLimits ?? null,
                  foreignPlates: input.foreignPlates,
                  maxListedPlates: input.maxListedPlates ?? null,
                  validIn: input.validIn,
                  validZoneCodes: input.validZoneCodes ?? [],
                },
                {
                  listsPlates: context.listsPlates ?? false,
                  zonesSettable: context.zonesSettable ?? false,
                  zoneCodes: context.zoneCodes,
                },
              )
            : []),
          ...(input.applicants
            ? validateApplicantRules(input.applicants, {
                onePerAddress: context.onePerAddress ?? false,
              })
            : []),
        ];
      },
      output: (values) => inputOf(values, context.unit).input,
    },
    language,
  );
  return {
    '~standard': {
      version: 1,
      vendor: 'parkeer-product-settings',
      validate(value) {
        const { problems } = inputOf(value as SettingsDraft, context.unit);
        if (problems.length === 0) return rules['~standard'].validate(value);
        return {
          issues: problems.map((problem) => ({
            message: localMessage(problem.reason),
            path: pathSegments(problem.path),
          })),
        };
      },
    },
  };
}
