import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useClient, useMutation, type CombinedError } from 'urql';
import type { ResultOf, VariablesOf } from '../../../app/graphql.js';
import { ErrorSummary } from '../../../app/form/error-summary.js';
import { Field } from '../../../app/form/field.js';
import { Form } from '../../../app/form/form.js';
import { showServerProblems } from '../../../app/form/server-problems.js';
import { SubmitButton } from '../../../app/form/submit-button.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { useFormats } from '../../../app/ui/format.js';
import {
  MovePreviewQuery,
  ReportMoveMutation,
  RequestMoveRefundMutation,
} from '../graphql/moving.js';

type Preview = ResultOf<typeof MovePreviewQuery>['movePreview'];
type Outcome = Preview['permits'][number];
type MoveInput = VariablesOf<typeof MovePreviewQuery>['input'];

interface MoveValues {
  postcode: string;
  houseNumber: string;
  addition: string;
  movedOn: string;
}

const postcodePattern = /^[1-9]\d{3}\s?[a-zA-Z]{2}$/;

/** Today on the town's clock (every Dutch town's), as the date input writes it. */
const today = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());

/** One permit's outcome: what happens, why, what comes back and where to apply again. */
function OutcomeItem({ outcome, done }: { outcome: Outcome; done: boolean }) {
  const { t } = useTranslation('moving');
  const format = useFormats();
  const [state, refund] = useMutation(RequestMoveRefundMutation);
  const refunded = state.data?.requestMoveRefund;
  return (
    <li className="card" data-testid="move-outcome">
      <h3 className="card__title">
        {outcome.productName} · {outcome.addressLabel}
      </h3>
      <p>
        <strong>{t(`action.${outcome.action}`)}</strong>
      </p>
      <p>{outcome.message}</p>
      {outcome.refundCents > 0 && (
        <p>{t('refund', { amount: format.money(outcome.refundCents) })}</p>
      )}
      {outcome.refundOnRequestCents > 0 && (
        <p>{t('refundOnRequest', { amount: format.money(outcome.refundOnRequestCents) })}</p>
      )}
      {done && outcome.applyInZoneCode && (
        <p>
          <Link to="/loket">{t('applyIn', { zone: outcome.applyInZoneCode })}</Link>
        </p>
      )}
      {done && outcome.action === 'block' && outcome.refundOnRequestCents > 0 && (
        <div className="actions">
          {refunded === undefined ? (
            <button
              type="button"
              className="button button--secondary"
              disabled={state.fetching}
              onClick={() => void refund({ permitId: outcome.permitId })}
            >
              {t('requestRefund')}
            </button>
          ) : (
            <p role="status">{t('refunded', { amount: format.money(refunded) })}</p>
          )}
        </div>
      )}
      <ErrorNotice error={state.error} />
    </li>
  );
}

/**
 * Moving house (docs/rules.md §2 moving): the resident types the new address and the day, sees
 * what happens to each permit (moves along, blocked, ended, revoked, with what comes back), and
 * then reports it. Phone first: one column, one step at a time.
 */
export default function MovePage() {
  const { t } = useTranslation('moving');
  const format = useFormats();
  const client = useClient();
  const form = useForm<MoveValues>({
    defaultValues: { postcode: '', houseNumber: '', addition: '', movedOn: today() },
    shouldFocusError: false,
  });
  const [asked, setAsked] = useState<{ input: MoveInput; preview: Preview } | null>(null);
  const [failure, setFailure] = useState<CombinedError | null>(null);
  const [report, reportMove] = useMutation(ReportMoveMutation);
  const reported = report.data?.reportMove;

  const previewOf = async (values: MoveValues) => {
    setFailure(null);
    const input: MoveInput = {
      postcode: values.postcode.trim(),
      houseNumber: Number(values.houseNumber.trim()),
      addition: values.addition.trim() || null,
      movedOn: values.movedOn,
    };
    const result = await client
      .query(MovePreviewQuery, { input }, { requestPolicy: 'network-only' })
      .toPromise();
    if (result.error) {
      if (showServerProblems(result.error, format.language, form.setError) === 0) {
        setFailure(result.error);
      }
      return;
    }
    if (result.data) setAsked({ input, preview: result.data.movePreview });
  };

  const shown = reported ?? asked?.preview;
  return (
    <div className="page move">
      <h1>{t('title')}</h1>
      {!asked && (
        <Form form={form} onSubmit={previewOf} id="move-address" className="card">
          <p className="muted">{t('intro')}</p>
          <ErrorSummary />
          <Field name="postcode" label={t('postcode')} hint={t('postcodeHint')} required>
            {(control) => (
              <input
                {...control}
                {...form.register('postcode', {
                  validate: (value) => postcodePattern.test(value.trim()) || t('postcodeRequired'),
                })}
                autoComplete="postal-code"
                autoCapitalize="characters"
                maxLength={7}
              />
            )}
          </Field>
          <Field name="houseNumber" label={t('houseNumber')} required>
            {(control) => (
              <input
                {...control}
                {...form.register('houseNumber', {
                  validate: (value) =>
                    /^[1-9]\d{0,4}$/.test(value.trim()) || t('houseNumberRequired'),
                })}
                inputMode="numeric"
                autoComplete="off"
                maxLength={5}
              />
            )}
          </Field>
          <Field name="addition" label={t('addition')} hint={t('additionHint')}>
            {(control) => (
              <input
                {...control}
                {...form.register('addition')}
                autoComplete="off"
                maxLength={10}
              />
            )}
          </Field>
          <Field name="movedOn" label={t('movedOn')} hint={t('movedOnHint')} required>
            {(control) => (
              <input
                {...control}
                {...form.register('movedOn', {
                  validate: (value) =>
                    (/^\d{4}-\d{2}-\d{2}$/.test(value) && value <= today()) || t('movedOnRequired'),
                })}
                type="date"
                max={today()}
              />
            )}
          </Field>
          <ErrorNotice error={failure} />
          <div className="actions">
            <SubmitButton>{t('preview')}</SubmitButton>
          </div>
        </Form>
      )}
      {shown && (
        <section aria-labelledby="move-preview-title" data-testid="move-preview">
          <h2 id="move-preview-title">{t('previewTitle')}</h2>
          <dl className="facts">
            <dt>{t('newAddress')}</dt>
            <dd>{shown.addressLabel}</dd>
            <dt>{t('zone')}</dt>
            <dd>{shown.zoneCode ?? t('noZone')}</dd>
            <dt>{t('movedOn')}</dt>
            <dd>{format.date(new Date(`${shown.movedOn}T12:00:00`))}</dd>
          </dl>
          {shown.permits.length === 0 ? (
            <p>{t('nothing')}</p>
          ) : (
            <ul className="list">
              {shown.permits.map((outcome) => (
                <OutcomeItem key={outcome.permitId} outcome={outcome} done={Boolean(reported)} />
              ))}
            </ul>
          )}
          <div aria-live="polite">
            {reported && (
              <p className="notice" role="status" data-testid="move-done">
                {t('done')}
              </p>
            )}
          </div>
          <ErrorNotice error={report.error} />
          <div className="actions">
            {!reported && asked && shown.permits.length > 0 && (
              <button
                type="button"
                className="button"
                disabled={report.fetching}
                onClick={() => void reportMove({ input: asked.input })}
              >
                {t('confirm')}
              </button>
            )}
            {!reported && (
              <button
                type="button"
                className="button button--secondary"
                onClick={() => setAsked(null)}
              >
                {t('change')}
              </button>
            )}
            {reported && <Link to="/vergunningen">{t('toPermits')}</Link>}
          </div>
        </section>
      )}
    </div>
  );
}
