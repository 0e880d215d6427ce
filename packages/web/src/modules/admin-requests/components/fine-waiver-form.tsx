import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { readFragment } from '../../../app/graphql.js';
import { currentLanguage } from '../../../app/i18n.js';
import { displayTimeZone } from '../../../app/ui/format.js';
import { problemsByPath } from '../../../app/errors.js';
import { FineWaiverFieldsFragment, RecordFineWaiverMutation } from '../graphql/requests.js';
import { requestedAtOf, todayIn } from '../request-input.js';
import { Field, RefusalNotice, useFocusFirstInvalid } from './form-parts.js';
import { PermitPicker, type RequestPermit } from './permit-picker.js';

interface Checked {
  reference?: string;
  fineDate?: string;
  received?: string;
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
  const [reference, setReference] = useState('');
  const [fineDate, setFineDate] = useState('');
  const [received, setReceived] = useState(today);
  const [checked, setChecked] = useState<Checked>({});
  const [recorded, setRecorded] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const form = useFocusFirstInvalid(attempt);
  const [state, record] = useMutation(RecordFineWaiverMutation);
  const problems = problemsByPath(state.error, currentLanguage(i18n));
  const refusal = state.error && problems.size === 0 ? state.error : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!permit || state.fetching) return;
    const found: Checked = {
      reference: reference.trim() === '' ? t('waivers.referenceRequired') : undefined,
      fineDate: fineDate === '' ? t('waivers.dateRequired') : undefined,
      received:
        received === ''
          ? t('waivers.dateRequired')
          : received > today
            ? t('waivers.receivedInFuture')
            : undefined,
    };
    setChecked(found);
    setRecorded(null);
    if (found.reference || found.fineDate || found.received) {
      setAttempt((n) => n + 1);
      return;
    }
    const result = await record({
      input: {
        permitId: permit.id,
        fineReference: reference.trim(),
        fineDate,
        requestedAt: requestedAtOf(received, today, displayTimeZone),
      },
    });
    const waiver = result.data?.recordFineWaiverRequest;
    if (!waiver) {
      setAttempt((n) => n + 1);
      return;
    }
    setRecorded(readFragment(FineWaiverFieldsFragment, waiver).fineReference);
    setReference('');
    setFineDate('');
    setReceived(today);
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
        <form ref={form} onSubmit={(event) => void submit(event)} noValidate>
          <div role="status">
            {recorded && (
              <p className="notice notice--success">
                {t('waivers.recorded', { reference: recorded })}
              </p>
            )}
          </div>
          <RefusalNotice error={refusal} title={t('waivers.notRecorded')} />
          <Field
            id={`${id}-reference`}
            label={t('waivers.reference')}
            hint={t('waivers.referenceHint')}
            error={checked.reference ?? problems.get('fineReference')}
          >
            {(control) => (
              <input
                {...control}
                className="request-form__short"
                autoComplete="off"
                maxLength={40}
                value={reference}
                onChange={(event) => setReference(event.target.value)}
              />
            )}
          </Field>
          <div className="request-form__pair">
            <Field
              id={`${id}-fine-date`}
              label={t('waivers.fineDate')}
              hint={t('waivers.fineDateHint')}
              error={checked.fineDate ?? problems.get('fineDate')}
            >
              {(control) => (
                <input
                  {...control}
                  type="date"
                  max={today}
                  value={fineDate}
                  onChange={(event) => setFineDate(event.target.value)}
                />
              )}
            </Field>
            <Field
              id={`${id}-received`}
              label={t('waivers.received')}
              hint={t('waivers.receivedHint')}
              error={checked.received}
            >
              {(control) => (
                <input
                  {...control}
                  type="date"
                  max={today}
                  value={received}
                  onChange={(event) => setReceived(event.target.value)}
                />
              )}
            </Field>
          </div>
          <button className="button" type="submit" disabled={state.fetching}>
            {t('waivers.recordSubmit')}
          </button>
        </form>
      )}
    </section>
  );
}
