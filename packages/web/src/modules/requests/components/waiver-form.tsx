import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { parsePlate } from '@parkeer/domain/plate/plate';
import type { PreviousWaiver, WaiverPolicy } from '@parkeer/domain/eligibility/goodwill-waiver';
import { errorMessage } from '@parkeer/shared/messages/error-catalogue';
import { problemsByPath } from '../../../app/errors.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { useFormats } from '../../../app/ui/format.js';
import { RequestFineWaiverMutation } from '../graphql/requests.js';
import { useIntentKey } from '../intent-key.js';
import { checkWaiver, waiverDeadlineOf } from '../request-rules.js';
import { Field } from './field.js';
import { RuleRefusalNotice } from './rule-refusal.js';

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
  const form = useRef<HTMLFormElement>(null);
  const [reference, setReference] = useState('');
  const [fineDate, setFineDate] = useState('');
  const [plate, setPlate] = useState('');
  const [reason, setReason] = useState('');
  const [checked, setChecked] = useState(false);
  const [state, send] = useMutation(RequestFineWaiverMutation);
  const intent = useIntentKey([reference, fineDate, plate, reason]);

  const refusal = checkWaiver({ fineDate, now: new Date(), timeZone, policy, previous });
  const deadline = waiverDeadlineOf(fineDate, policy);
  const parsedPlate = parsePlate(plate);
  const problems = problemsByPath(state.error, format.language);
  const errors = {
    reference: checked && !reference.trim() ? t('waiver.referenceRequired') : null,
    fineDate: checked && !deadline ? t('waiver.fineDateRequired') : null,
    plate:
      checked && !parsedPlate.ok
        ? errorMessage(parsedPlate.reason, format.language, parsedPlate.params ?? {})
        : null,
    reason: checked && !reason.trim() ? t('waiver.reasonRequired') : null,
  };
  const apiFailure = state.error && problems.size === 0 ? state.error : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    const complete = reference.trim() && deadline && parsedPlate.ok && reason.trim();
    if (!complete || refusal) {
      // After this render the invalid field (or the rule's notice) is marked: go there.
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
        fineReference: reference.trim(),
        fineDate,
        plate,
        reason: reason.trim(),
        idempotencyKey: intent.key,
      },
    });
    if (result.data?.requestFineWaiver) {
      intent.renew();
      onSent(result.data.requestFineWaiver.fineReference);
      setReference('');
      setFineDate('');
      setPlate('');
      setReason('');
      setChecked(false);
    }
  };

  return (
    <form ref={form} className="card" noValidate onSubmit={(event) => void submit(event)}>
      <h2>{t('waiver.title')}</h2>
      <p className="muted">{t('waiver.rules', { months: policy.requestWithinMonths })}</p>
      <Field
        id={`${id}-reference`}
        label={t('waiver.reference')}
        hint={t('waiver.referenceHint')}
        error={errors.reference ?? problems.get('fineReference')}
      >
        {(control) => (
          <input
            {...control}
            maxLength={40}
            autoComplete="off"
            value={reference}
            onChange={(event) => setReference(event.target.value)}
          />
        )}
      </Field>
      <Field
        id={`${id}-date`}
        label={t('waiver.fineDate')}
        hint={
          deadline
            ? t('waiver.deadline', { deadline: format.date(new Date(`${deadline}T12:00:00Z`)) })
            : t('waiver.fineDateHint')
        }
        error={errors.fineDate ?? problems.get('fineDate')}
      >
        {(control) => (
          <input
            {...control}
            type="date"
            value={fineDate}
            onChange={(event) => setFineDate(event.target.value)}
          />
        )}
      </Field>
      <RuleRefusalNotice refusal={refusal} title={t('notSent')} />
      <Field
        id={`${id}-plate`}
        label={t('waiver.plate')}
        hint={t('waiver.plateHint')}
        error={errors.plate ?? problems.get('plate')}
      >
        {(control) => (
          <input
            {...control}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            value={plate}
            onChange={(event) => setPlate(event.target.value)}
          />
        )}
      </Field>
      <Field
        id={`${id}-reason`}
        label={t('waiver.reason')}
        hint={t('waiver.reasonHint')}
        error={errors.reason ?? problems.get('reason')}
      >
        {(control) => (
          <textarea
            {...control}
            rows={3}
            maxLength={2000}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
        )}
      </Field>
      <ErrorNotice error={apiFailure} />
      <div className="actions">
        <button type="submit" className="button" disabled={state.fetching}>
          {t('waiver.submit')}
        </button>
      </div>
    </form>
  );
}
