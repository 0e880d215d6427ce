import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { ErrorSummary } from '../../../app/form/error-summary.js';
import { FieldGroup } from '../../../app/form/field.js';
import { Form } from '../../../app/form/form.js';
import { showServerProblems } from '../../../app/form/server-problems.js';
import { SubmitButton } from '../../../app/form/submit-button.js';
import { currentLanguage } from '../../../app/i18n.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { SetRegistrationLoginTopUpsMutation } from '../graphql/products.js';
import { Choice } from './choice.js';

const options = ['notAllowed', 'allowed'] as const;
type Option = (typeof options)[number];

/**
 * Whether a visitor permit's registration number + PIN login may buy balance (docs/rules.md §6,
 * "Sign-in with registration number and PIN"). Off unless the town turns it on.
 */
export function RegistrationTopUpsForm({ stored }: { stored: boolean }) {
  const { t, i18n } = useTranslation('admin-products');
  const language = currentLanguage(i18n);
  const form = useForm<{ choice: Option }>({
    defaultValues: { choice: stored ? 'allowed' : 'notAllowed' },
    shouldFocusError: false,
  });
  const value = form.watch('choice');
  const [placed, setPlaced] = useState(0);
  const [saved, setSaved] = useState(false);
  const [state, save] = useMutation(SetRegistrationLoginTopUpsMutation);

  const submit = async ({ choice }: { choice: Option }) => {
    setSaved(false);
    const result = await save({ allowed: choice === 'allowed' });
    setPlaced(showServerProblems(result.error, language, form.setError));
    if (result.data) {
      const allowed = result.data.setRegistrationLoginTopUps.registrationLoginTopUps;
      form.reset({ choice: allowed ? 'allowed' : 'notAllowed' });
      setSaved(true);
    }
  };

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
              setSaved(false);
              form.setValue('choice', option);
            }}
          />
        ))}
      </FieldGroup>
      {placed === 0 && <ErrorNotice error={state.error} />}
      <div className="actions">
        <SubmitButton busy={state.fetching}>{t('town.registrationTopUpsSave')}</SubmitButton>
      </div>
      <div role="status">
        {saved && <p className="notice notice--success">{t('town.registrationTopUpsSaved')}</p>}
      </div>
    </Form>
  );
}
