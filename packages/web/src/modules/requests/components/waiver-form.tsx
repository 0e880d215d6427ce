import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { parsePlate } from '@parkeer/domain/plate/plate';
import type { PreviousWaiver, WaiverPolicy } from '@parkeer/domain/eligibility/goodwill-waiver';
import { errorMessage } from '@parkeer/shared/messages/error-catalogue';
import { ErrorSummary } from '../../../app/form/error-summary.js';
import { Field } from '../../../app/form/field.js';
import { Form } from '../../../app/form/form.js';
import { showServerProblems } from '../../../app/form/server-problems.js';
import { SubmitButton } from '../../../app/form/submit-button.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { useFormats } from '../../../app/ui/format.js';
import { RequestFineWaiverMutation } from '../graphql/requests.js';
import { useIntentKey } from '../intent-key.js';
import { checkWaiver, waiverDeadlineOf } from '../request-rules.js';
import { RuleRefusalNotice } from './rule-refusal.js';

interface WaiverValues {
  fineReference: string;
  fineDate: string;
  plate: string;
  reason: string;
}

const empty: WaiverValues = { fineReference: '', fineDate: '', plate: '', reason: '' };

/**
 * A goodwill waiver request (docs/rules.md §9): the fine, the car and why. The month's window and
 * the year's one waiver are checked here, by the domain's rule, before anything is sent.
 */
export function WaiverForm({
  permitId,
  timeZone,
  policy,
  previous,
  onSent,
}: {
  permitId: string;
  timeZone: string;
  policy: WaiverPolicy;
  previous: readonly PreviousWaiver[];
  onSent(reference: string): void;
}) {
  const { t } = useTranslation('requests');
  const format = useFormats();
  const id = useId();
  const form = useForm<WaiverValues>({ defaultValues: empty, shouldFocusError: false });
  const [state, send] = useMutation(RequestFineWaiverMutation);
  const [placed, setPlaced] = useState(0);
  const values = form.watch();
  const intent = useIntentKey([values.fineReference, values.fineDate, values.plate, values.reason]);

  const refusal = checkWaiver({
    fineDate: values.fineDate,
    now: new Date(),
    timeZone,
    policy,
    previous,
  });
  const deadline = waiverDeadlineOf(values.fineDate, policy);
  const apiFailure = state.error && placed === 0 ? state.error : null;

  const submit = async ({ fineReference, fineDate, plate, reason }: WaiverValues) => {
    if (refusal) {
      // The fields are fine but the rule says no: its notice is what to read.
      document
        .getElementById(`waiver${id}`)
        ?.querySelector<HTMLElement>('[data-testid="rule-refusal"]')
        ?.focus();
      return;
    }
    const result = await send({
      input: {
        permitId,
        fineReference: fineReference.trim(),
        fineDate,
        plate,
        reason: reason.trim(),
        idempotencyKey: intent.key,
      },
    });
    setPlaced(showServerProblems(result.error, format.language, form.setError));
    if (result.data?.requestFineWaiver) {
      intent.renew();
      onSent(result.data.requestFineWaiver.fineReference);
      form.reset(empty);
    }
  };

  return (
    <Form form={form} onSubmit={submit} id={`waiver${id}`} className="card">
      <h2>{t('waiver.title')}</h2>
      <p className="muted">{t('waiver.rules', { months: policy.requestWithinMonths })}</p>
      <ErrorSummary />
      <Field name="fineReference" label={t('waiver.reference')} hint={t('waiver.referenceHint')}>
        {(control) => (
          <input
            {...control}
            {...form.register('fineReference', {
              validate: (value) => value.trim() !== '' || t('waiver.referenceRequired'),
            })}
            maxLength={40}
            autoComplete="off"
          />
        )}
      </Field>
      <Field
        name="fineDate"
        label={t('waiver.fineDate')}
        hint={
          deadline
            ? t('waiver.deadline', { deadline: format.date(new Date(`${deadline}T12:00:00Z`)) })
            : t('waiver.fineDateHint')
        }
      >
        {(control) => (
          <input
            {...control}
            {...form.register('fineDate', {
              validate: (value) =>
                waiverDeadlineOf(value, policy) !== null || t('waiver.fineDateRequired'),
            })}
            type="date"
          />
        )}
      </Field>
      <RuleRefusalNotice refusal={refusal} title={t('notSent')} />
      <Field name="plate" label={t('waiver.plate')} hint={t('waiver.plateHint')}>
        {(control) => (
          <input
            {...control}
            {...form.register('plate', {
              // The domain's plate rules, in the words the API would use (docs/rules.md §1).
              validate: (value) => {
                const parsed = parsePlate(value);
                return (
                  parsed.ok || errorMessage(parsed.reason, format.language, parsed.params ?? {})
                );
              },
            })}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
          />
        )}
      </Field>
      <Field name="reason" label={t('waiver.reason')} hint={t('waiver.reasonHint')}>
        {(control) => (
          <textarea
            {...control}
            {...form.register('reason', {
              validate: (value) => value.trim() !== '' || t('waiver.reasonRequired'),
            })}
            rows={3}
            maxLength={2000}
          />
        )}
      </Field>
      <ErrorNotice error={apiFailure} />
      <div className="actions">
        <SubmitButton busy={state.fetching}>{t('waiver.submit')}</SubmitButton>
      </div>
    </Form>
  );
}
