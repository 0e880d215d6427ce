import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { addDays, isLocalDate } from '@parkeer/domain/time/local-date';
import { Field, FieldGroup } from '../../../app/form/field.js';
import { Form } from '../../../app/form/form.js';
import { SubmitButton } from '../../../app/form/submit-button.js';
import { ConfirmDialog } from '../../../app/ui/confirm-dialog.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { useFormats } from '../../../app/ui/format.js';
import { useIntentKey } from '../../requests/intent-key.js';
import { startDateBounds } from '../counter-rules.js';
import { EndPermitMutation } from '../graphql/counter.js';
import { reasonsOf, RefusalList } from './refusal-list.js';

interface EndValues {
  when: 'now' | 'onDate';
  endsOn: string;
}

/**
 * Ending a permit early (docs/rules.md §1, the permit counter): now or after a chosen day, with
 * what comes back (the town's pro-rata rule on the price of the current term; the fee never)
 * shown before, asked once more in a dialog, and the refund confirmed after.
 */
export function EndPermitForm({
  permitId,
  refundIfEndedNowCents,
  onEnded,
}: {
  permitId: string;
  refundIfEndedNowCents: number;
  onEnded(refundCents: number): void;
}) {
  const { t } = useTranslation('counter');
  const format = useFormats();
  const today = startDateBounds(new Date(), 0).min;
  const form = useForm<EndValues>({
    defaultValues: { when: 'now', endsOn: today },
    shouldFocusError: false,
  });
  const when = useWatch({ control: form.control, name: 'when' });
  const [asking, setAsking] = useState<EndValues | null>(null);
  const [state, end] = useMutation(EndPermitMutation);
  const intent = useIntentKey(asking);
  const [refusal, setRefusal] = useState<readonly { code: string; message: string }[]>([]);

  const confirm = async () => {
    if (!asking) return;
    setRefusal([]);
    const result = await end({
      input: {
        permitId,
        // The API takes the first day the permit no longer covers; people name the last one.
        endsOn: asking.when === 'onDate' ? addDays(asking.endsOn, 1) : null,
        idempotencyKey: intent.key,
      },
    });
    setAsking(null);
    const answer = result.data?.endPermit;
    if (answer?.__typename === 'PermitEnded') onEnded(answer.refundCents);
    else if (answer?.__typename === 'PermitApplicationRefused') setRefusal(reasonsOf(answer));
  };

  return (
    <>
      <Form form={form} onSubmit={(values) => setAsking(values)} id="counter-end">
        <p data-testid="refund-now">
          {refundIfEndedNowCents > 0
            ? t('permit.end.refundNow', { refund: format.money(refundIfEndedNowCents) })
            : t('permit.end.noRefund')}
        </p>
        <FieldGroup name="when" legend={t('permit.end.when')}>
          <div className="field field--inline">
            <input id="counter-end-now" type="radio" value="now" {...form.register('when')} />
            <label htmlFor="counter-end-now">{t('permit.end.now')}</label>
          </div>
          <div className="field field--inline">
            <input id="counter-end-date" type="radio" value="onDate" {...form.register('when')} />
            <label htmlFor="counter-end-date">{t('permit.end.onDate')}</label>
          </div>
        </FieldGroup>
        {when === 'onDate' && (
          <>
            <Field name="endsOn" label={t('permit.end.date')} hint={t('permit.end.dateHint')}>
              {(control) => (
                <input
                  {...control}
                  {...form.register('endsOn', {
                    validate: (value, all) =>
                      all.when !== 'onDate' ||
                      (isLocalDate(value) && value >= today) ||
                      t('permit.end.dateInvalid'),
                  })}
                  type="date"
                  min={today}
                />
              )}
            </Field>
            {refundIfEndedNowCents > 0 && <p className="muted">{t('permit.end.refundLater')}</p>}
          </>
        )}
        <RefusalList title={t('refusal.title')} reasons={refusal} />
        <ErrorNotice error={state.error} />
        <div className="actions">
          <SubmitButton className="button button--danger" busy={state.fetching}>
            {t('permit.end.submit')}
          </SubmitButton>
        </div>
      </Form>
      <ConfirmDialog
        open={asking !== null}
        title={t('permit.end.confirmTitle')}
        confirmLabel={t('permit.end.confirm')}
        danger
        busy={state.fetching}
        onConfirm={() => void confirm()}
        onCancel={() => setAsking(null)}
      >
        <p>
          {asking?.when === 'onDate'
            ? t('permit.end.confirmDate', { date: format.date(`${asking.endsOn}T12:00:00Z`) })
            : t('permit.end.confirmNow')}
        </p>
        {asking?.when !== 'onDate' && (
          <p>
            {refundIfEndedNowCents > 0
              ? t('permit.end.refundNow', { refund: format.money(refundIfEndedNowCents) })
              : t('permit.end.noRefund')}
          </p>
        )}
      </ConfirmDialog>
    </>
  );
}
