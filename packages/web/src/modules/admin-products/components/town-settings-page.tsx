import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { ErrorSummary } from '../../../app/form/error-summary.js';
import { Field, FieldGroup } from '../../../app/form/field.js';
import { Form } from '../../../app/form/form.js';
import { SavedSettingActions, useSavedSetting } from '../../../app/form/saved-setting.js';
import { Loading } from '../../../app/shell/loading.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { parseCount } from '../amounts.js';
import {
  MunicipalitySettingsQuery,
  SetResidenceCheckMutation,
  SetRetentionMutation,
} from '../graphql/products.js';
import { AdministrationFeeForm } from './administration-fee-form.js';
import { ObjectionPeriodForm } from './objection-period-form.js';
import { RegistrationTopUpsForm } from './registration-top-ups-form.js';
import { Choice } from './choice.js';
import { useProductStrings } from '../strings.js';
import '../admin-products.css';

const kinds = ['hoursAfterEnd', 'weeksAfterEnd'] as const;
type Kind = (typeof kinds)[number];

/**
 * The town's own settings: whether the counter asks the population register where an applicant
 * lives (docs/rules.md §2), how long plates of ended sessions are kept (§8) and, after a fine,
 * for an objection (§9 fines), the fee, and whether a registration number + PIN login may top up (§6).
 */
export default function TownSettingsPage() {
  // The page's words come with it (strings.ts).
  return useProductStrings() ? <TownSettings /> : <Loading />;
}

function TownSettings() {
  const { t } = useTranslation('admin-products');
  const [{ data, error }] = useQuery({ query: MunicipalitySettingsQuery });
  const town = data?.municipalitySettings;
  return (
    <section>
      <h1>{t('town.title')}</h1>
      <ErrorNotice error={error} />
      {!town ? (
        !error && <Loading />
      ) : (
        <>
          <ResidenceCheckForm stored={town.residenceCheck} />
          <RetentionForm stored={town.retention} />
          <ObjectionPeriodForm storedDays={town.objectionPeriodDays} />
          <AdministrationFeeForm storedCents={town.administrationFeeCents} />
          <RegistrationTopUpsForm stored={town.registrationLoginTopUps} />
        </>
      )}
    </section>
  );
}

interface RetentionValues {
  retention: { kind: Kind; amount: string };
}

/** The retention period, starting from the stored one. */
function RetentionForm({ stored }: { stored: { kind: string; amount: number } }) {
  const { t } = useTranslation('admin-products');
  const form = useForm<RetentionValues>({
    defaultValues: {
      retention: {
        kind: stored.kind === 'weeksAfterEnd' ? 'weeksAfterEnd' : 'hoursAfterEnd',
        amount: String(stored.amount),
      },
    },
    shouldFocusError: false,
  });
  const kind = form.watch('retention.kind');
  const outcome = useSavedSetting(form);
  const [state, save] = useMutation(SetRetentionMutation);

  const submit = async ({ retention }: RetentionValues) => {
    const count = parseCount(retention.amount);
    if (count == null) return;
    await outcome.track(() => save({ input: { kind: retention.kind, amount: count } }));
  };

  return (
    <Form
      form={form}
      onSubmit={submit}
      id="retention"
      className="card admin-products__section"
      aria-labelledby="retention-title"
    >
      <h2 id="retention-title">{t('town.retentionTitle')}</h2>
      <p className="muted">{t('town.retentionIntro')}</p>
      <ErrorSummary />
      <div className="admin-products__row">
        <Field name="retention.kind" label={t('town.kind')}>
          {(control) => (
            <select {...control} {...form.register('retention.kind')}>
              {kinds.map((value) => (
                <option key={value} value={value}>
                  {t(`town.kinds.${value}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          name="retention.amount"
          label={t('town.amount')}
          hint={t(`town.amountHint.${kind}`)}
          required
        >
          {(control) => (
            <input
              {...control}
              {...form.register('retention.amount', {
                validate: (value) => {
                  const count = parseCount(value);
                  if (count === null) return t('local.required');
                  return count !== undefined || t('local.notAWholeNumber');
                },
              })}
              type="text"
              inputMode="numeric"
              className="admin-products__short"
            />
          )}
        </Field>
      </div>
      <SavedSettingActions
        outcome={outcome}
        error={state.error}
        busy={state.fetching}
        savedText={t('town.saved')}
      >
        {t('town.save')}
      </SavedSettingActions>
    </Form>
  );
}

const residenceChecks = ['register', 'none'] as const;
type ResidenceCheck = (typeof residenceChecks)[number];

interface ResidenceValues {
  residenceCheck: ResidenceCheck;
}

/**
 * Whether the permit counter asks the population register (BRP) that a resident lives at the
 * address, and follows holders' moves from it (docs/rules.md §2 registered address).
 */
function ResidenceCheckForm({ stored }: { stored: ResidenceCheck }) {
  const { t } = useTranslation('admin-products');
  const form = useForm<ResidenceValues>({
    defaultValues: { residenceCheck: stored },
    shouldFocusError: false,
  });
  const value = form.watch('residenceCheck');
  const outcome = useSavedSetting(form);
  const [state, save] = useMutation(SetResidenceCheckMutation);

  const submit = ({ residenceCheck }: ResidenceValues) =>
    outcome.track(
      () => save({ residenceCheck }),
      (data) => form.reset({ residenceCheck: data.setResidenceCheck.residenceCheck }),
    );

  return (
    <Form
      form={form}
      onSubmit={submit}
      id="residence"
      className="card admin-products__section"
      aria-labelledby="residence-title"
    >
      <h2 id="residence-title">{t('town.residenceTitle')}</h2>
      <p className="muted">{t('town.residenceIntro')}</p>
      <ErrorSummary />
      <FieldGroup
        name="residenceCheck"
        legend={t('town.residenceTitle')}
        legendHidden
        className="admin-products__group"
      >
        {residenceChecks.map((option) => (
          <Choice
            key={option}
            type="radio"
            name="residenceCheck"
            label={t(`town.residenceChecks.${option}`)}
            checked={value === option}
            onChange={() => {
              outcome.changed();
              form.setValue('residenceCheck', option);
            }}
          />
        ))}
      </FieldGroup>
      <SavedSettingActions
        outcome={outcome}
        error={state.error}
        busy={state.fetching}
        savedText={t('town.residenceSaved')}
      >
        {t('town.residenceSave')}
      </SavedSettingActions>
    </Form>
  );
}
