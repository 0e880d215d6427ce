import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { problemsByPath } from '../../../app/errors.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { useFormats } from '../../../app/ui/format.js';
import { RequestCareHoursMutation } from '../graphql/requests.js';
import { useIntentKey } from '../intent-key.js';
import { checkCare, minutesOfHours, type CareSchemeView } from '../request-rules.js';
import { Field } from './field.js';
import { RuleRefusalNotice } from './rule-refusal.js';

export interface CareSchemeState extends CareSchemeView {
  readonly remainingMinutes: number;
  readonly nextPeriodStart: string;
}

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
  const form = useRef<HTMLFormElement>(null);
  const [hours, setHours] = useState('');
  const [statement, setStatement] = useState('');
  const [checked, setChecked] = useState(false);
  const [state, send] = useMutation(RequestCareHoursMutation);
  const intent = useIntentKey([hours, statement]);

  const minutes = minutesOfHours(hours);
  const refusal =
    minutes === null ? null : checkCare({ minutes, now: new Date(), timeZone, scheme });
  const problems = problemsByPath(state.error, format.language);
  const errors = {
    hours: checked && minutes === null ? t('care.hoursInvalid') : null,
    statement: checked && !statement.trim() ? t('care.statementRequired') : null,
  };
  const apiFailure = state.error && problems.size === 0 ? state.error : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (minutes === null || !statement.trim() || refusal) {
      requestAnimationFrame(() =>
        form.current
          ?.querySelector<HTMLElement>('[aria-invalid="true"], [data-testid="rule-refusal"]')
          ?.focus(),
      );
      return;
    }
    const result = await send({
      input: {
        permitId,
        minutes,
        carerStatement: statement.trim(),
        idempotencyKey: intent.key,
      },
    });
    if (result.data?.requestCareHours) {
      intent.renew();
      onSent(result.data.requestCareHours.minutes);
      setHours('');
      setStatement('');
      setChecked(false);
    }
  };

  return (
    <form ref={form} className="card" noValidate onSubmit={(event) => void submit(event)}>
      <h2>{t('care.title')}</h2>
      <p className="muted" data-testid="care-room">
        {t('care.rules', {
          limit: format.balance(scheme.limitMinutes, 'minutes'),
          remaining: format.balance(scheme.remainingMinutes, 'minutes'),
          next: format.date(new Date(`${scheme.nextPeriodStart}T12:00:00Z`)),
        })}
      </p>
      <Field
        id={`${id}-hours`}
        label={t('care.hours')}
        hint={t('care.hoursHint')}
        error={errors.hours ?? problems.get('minutes')}
      >
        {(control) => (
          <input
            {...control}
            inputMode="decimal"
            autoComplete="off"
            value={hours}
            onChange={(event) => setHours(event.target.value)}
          />
        )}
      </Field>
      <RuleRefusalNotice refusal={refusal} title={t('notSent')} />
      <Field
        id={`${id}-statement`}
        label={t('care.statement')}
        hint={t('care.statementHint')}
        error={errors.statement ?? problems.get('carerStatement')}
      >
        {(control) => (
          <textarea
            {...control}
            rows={3}
            maxLength={2000}
            value={statement}
            onChange={(event) => setStatement(event.target.value)}
          />
        )}
      </Field>
      <ErrorNotice error={apiFailure} />
      <div className="actions">
        <button type="submit" className="button" disabled={state.fetching}>
          {t('care.submit')}
        </button>
      </div>
    </form>
  );
}
