import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { ErrorSummary } from '../../../app/form/error-summary.js';
import { Field } from '../../../app/form/field.js';
import { Form } from '../../../app/form/form.js';
import { showServerProblems } from '../../../app/form/server-problems.js';
import { SubmitButton } from '../../../app/form/submit-button.js';
import { readFragment } from '../../../app/graphql.js';
import { currentLanguage } from '../../../app/i18n.js';
import { displayTimeZone } from '../../../app/ui/format.js';
import { FineWaiverFieldsFragment, RecordFineWaiverMutation } from '../graphql/requests.js';
import { requestedAtOf, todayIn } from '../request-input.js';
import { RefusalNotice } from './refusal-notice.js';
import { PermitPicker, type RequestPermit } from './permit-picker.js';

interface WaiverValues {
  fineReference: string;
  fineDate: string;
  received: string;
}

/**
 * Records a waiver request as it came in: the permit, the fine's number and date, and the day
 * the request arrived (today unless it came in earlier). The API applies the scheme's limits.
 */
export function FineWaiverForm({ onRecorded }: { onRecorded(): void }) {
  const { t, i18n } = useTranslation('admin-requests');
  const id = useId();
  const [permit, setPermit] = useState<RequestPermit | null>(null);
  const today = todayIn(displayTimeZone);
  const empty = { fineReference: '', fineDate: '', received: today };
  const form = useForm<WaiverValues>({ defaultValues: empty, shouldFocusError: false });
  const [recorded, setRecorded] = useState<string | null>(null);
  const [placed, setPlaced] = useState(0);
  const [state, record] = useMutation(RecordFineWaiverMutation);
  const refusal = state.error && placed === 0 ? state.error : null;

  const submit = async (values: WaiverValues) => {
    if (!permit) return;
    setRecorded(null);
    const result = await record({
      input: {
        permitId: permit.id,
        fineReference: values.fineReference.trim(),
        fineDate: values.fineDate,
        requestedAt: requestedAtOf(values.received, today, displayTimeZone),
      },
    });
    setPlaced(showServerProblems(result.error, currentLanguage(i18n), form.setError));
    const waiver = result.data?.recordFineWaiverRequest;
    if (!waiver) return;
    setRecorded(readFragment(FineWaiverFieldsFragment, waiver).fineReference);
    form.reset(empty);
    onRecorded();
  };

  return (
    <section className="card request-form" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('waivers.recordTitle')}</h3>
      <PermitPicker
        selected={permit}
        onSelect={(chosen) => {
          setPermit(chosen);
          setRecorded(null);
        }}
      />
      {permit && (
        <Form form={form} onSubmit={submit} id={`waiver${id}`}>
          <div role="status">
            {recorded && (
              <p className="notice notice--success">
                {t('waivers.recorded', { reference: recorded })}
              </p>
            )}
          </div>
          <ErrorSummary />
          <RefusalNotice error={refusal} title={t('waivers.notRecorded')} />
          <Field
            name="fineReference"
            label={t('waivers.reference')}
            hint={t('waivers.referenceHint')}
          >
            {(control) => (
              <input
                {...control}
                {...form.register('fineReference', {
                  validate: (value) => value.trim() !== '' || t('waivers.referenceRequired'),
                })}
                className="request-form__short"
                autoComplete="off"
                maxLength={40}
              />
            )}
          </Field>
          <div className="request-form__pair">
            <Field name="fineDate" label={t('waivers.fineDate')} hint={t('waivers.fineDateHint')}>
              {(control) => (
                <input
                  {...control}
                  {...form.register('fineDate', { required: t('waivers.dateRequired') })}
                  type="date"
                  max={today}
                />
              )}
            </Field>
            <Field name="received" label={t('waivers.received')} hint={t('waivers.receivedHint')}>
              {(control) => (
                <input
                  {...control}
                  {...form.register('received', {
                    required: t('waivers.dateRequired'),
                    validate: (value) => value <= today || t('waivers.receivedInFuture'),
                  })}
                  type="date"
                  max={today}
                />
              )}
            </Field>
          </div>
          <SubmitButton busy={state.fetching}>{t('waivers.recordSubmit')}</SubmitButton>
        </Form>
      )}
    </section>
  );
}
