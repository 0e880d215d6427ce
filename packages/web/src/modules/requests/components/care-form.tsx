import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { ErrorSummary } from '../../../app/form/error-summary.js';
import { Field } from '../../../app/form/field.js';
import { Form } from '../../../app/form/form.js';
import { showServerProblems } from '../../../app/form/server-problems.js';
import { SubmitButton } from '../../../app/form/submit-button.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { useFormats } from '../../../app/ui/format.js';
import { RequestCareHoursMutation } from '../graphql/requests.js';
import { useIntentKey } from '../intent-key.js';
import { checkCare, minutesOfHours, type CareSchemeView } from '../request-rules.js';
import { RuleRefusalNotice } from './rule-refusal.js';

export interface CareSchemeState extends CareSchemeView {
  readonly remainingMinutes: number;
  readonly nextPeriodStart: string;
}

interface CareValues {
  /** As typed; the API is sent minutes. */
  hours: string;
  carerStatement: string;
}

const empty: CareValues = { hours: '', carerStatement: '' };

/**
 * A request for informal-care time (docs/rules.md §4): hours and the carer's statement. What the
 * year's cap has left, pending requests included, is checked here by the domain's rule first.
 */
export function CareForm({
  permitId,
  timeZone,
  scheme,
  onSent,
}: {
  permitId: string;
  timeZone: string;
  scheme: CareSchemeState;
  onSent(minutes: number): void;
}) {
  const { t } = useTranslation('requests');
  const format = useFormats();
  const id = useId();
  const form = useForm<CareValues>({ defaultValues: empty, shouldFocusError: false });
  const [state, send] = useMutation(RequestCareHoursMutation);
  const [placed, setPlaced] = useState(0);
  const values = form.watch();
  const intent = useIntentKey([values.hours, values.carerStatement]);

  const minutes = minutesOfHours(values.hours);
  const refusal =
    minutes === null ? null : checkCare({ minutes, now: new Date(), timeZone, scheme });
  const apiFailure = state.error && placed === 0 ? state.error : null;

  const submit = async ({ hours, carerStatement }: CareValues) => {
    if (refusal) {
      // The fields are fine but the year's cap says no: its notice is what to read.
      document
        .getElementById(`care${id}`)
        ?.querySelector<HTMLElement>('[data-testid="rule-refusal"]')
        ?.focus();
      return;
    }
    const result = await send({
      input: {
        permitId,
        // Checked by the field's rule before the form is sent.
        minutes: minutesOfHours(hours) ?? 0,
        carerStatement: carerStatement.trim(),
        idempotencyKey: intent.key,
      },
    });
    // The API counts minutes; the form asks for hours.
    setPlaced(
      showServerProblems(result.error, format.language, form.setError, (path) =>
        path === 'minutes' ? 'hours' : path,
      ),
    );
    if (result.data?.requestCareHours) {
      intent.renew();
      onSent(result.data.requestCareHours.minutes);
      form.reset(empty);
    }
  };

  return (
    <Form form={form} onSubmit={submit} id={`care${id}`} className="card">
      <h2>{t('care.title')}</h2>
      <p className="muted" data-testid="care-room">
        {t('care.rules', {
          limit: format.balance(scheme.limitMinutes, 'minutes'),
          remaining: format.balance(scheme.remainingMinutes, 'minutes'),
          next: format.date(new Date(`${scheme.nextPeriodStart}T12:00:00Z`)),
        })}
      </p>
      <ErrorSummary />
      <Field name="hours" label={t('care.hours')} hint={t('care.hoursHint')}>
        {(control) => (
          <input
            {...control}
            {...form.register('hours', {
              validate: (value) => minutesOfHours(value) !== null || t('care.hoursInvalid'),
            })}
            inputMode="decimal"
            autoComplete="off"
          />
        )}
      </Field>
      <RuleRefusalNotice refusal={refusal} title={t('notSent')} />
      <Field name="carerStatement" label={t('care.statement')} hint={t('care.statementHint')}>
        {(control) => (
          <textarea
            {...control}
            {...form.register('carerStatement', {
              validate: (value) => value.trim() !== '' || t('care.statementRequired'),
            })}
            rows={3}
            maxLength={2000}
          />
        )}
      </Field>
      <ErrorNotice error={apiFailure} />
      <div className="actions">
        <SubmitButton busy={state.fetching}>{t('care.submit')}</SubmitButton>
      </div>
    </Form>
  );
}
