import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { ErrorSummary } from '../../../app/form/error-summary.js';
import { FieldGroup } from '../../../app/form/field.js';
import { Form } from '../../../app/form/form.js';
import { SavedSettingActions, useSavedSetting } from '../../../app/form/saved-setting.js';
import { SetRegistrationLoginTopUpsMutation } from '../graphql/products.js';
import { Choice } from './choice.js';

const options = ['notAllowed', 'allowed'] as const;
type Option = (typeof options)[number];

/**
 * Whether a visitor permit's registration number + PIN login may buy balance (docs/rules.md §6,
 * "Sign-in with registration number and PIN"). Off unless the town turns it on.
 */
export function RegistrationTopUpsForm({ stored }: { stored: boolean }) {
  const { t } = useTranslation('admin-products');
  const form = useForm<{ choice: Option }>({
    defaultValues: { choice: stored ? 'allowed' : 'notAllowed' },
    shouldFocusError: false,
  });
  const value = form.watch('choice');
  const outcome = useSavedSetting(form);
  const [state, save] = useMutation(SetRegistrationLoginTopUpsMutation);

  const submit = ({ choice }: { choice: Option }) =>
    outcome.track(
      () => save({ allowed: choice === 'allowed' }),
      (data) =>
        form.reset({
          choice: data.setRegistrationLoginTopUps.registrationLoginTopUps
            ? 'allowed'
            : 'notAllowed',
        }),
    );

  return (
    <Form
      form={form}
      onSubmit={submit}
      id="registration-top-ups"
      className="card admin-products__section"
      aria-labelledby="registration-top-ups-title"
    >
      <h2 id="registration-top-ups-title">{t('town.registrationTopUpsTitle')}</h2>
      <p className="muted">{t('town.registrationTopUpsIntro')}</p>
      <ErrorSummary />
      <FieldGroup
        name="choice"
        legend={t('town.registrationTopUpsTitle')}
        legendHidden
        className="admin-products__group"
      >
        {options.map((option) => (
          <Choice
            key={option}
            type="radio"
            name="registrationTopUps"
            label={t(`town.registrationTopUps.${option}`)}
            checked={value === option}
            onChange={() => {
              outcome.changed();
              form.setValue('choice', option);
            }}
          />
        ))}
      </FieldGroup>
      <SavedSettingActions
        outcome={outcome}
        error={state.error}
        busy={state.fetching}
        savedText={t('town.registrationTopUpsSaved')}
      >
        {t('town.registrationTopUpsSave')}
      </SavedSettingActions>
    </Form>
  );
}
