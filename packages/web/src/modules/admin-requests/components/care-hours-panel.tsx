import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { ErrorSummary } from '../../../app/form/error-summary.js';
import { Field } from '../../../app/form/field.js';
import { Form } from '../../../app/form/form.js';
import { showServerProblems } from '../../../app/form/server-problems.js';
import { SubmitButton } from '../../../app/form/submit-button.js';
import { readFragment } from '../../../app/graphql.js';
import { failureOf } from '../../../app/errors.js';
import { currentLanguage } from '../../../app/i18n.js';
import { Loading } from '../../../app/shell/loading.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { useFormats } from '../../../app/ui/format.js';
import {
  CareGrantFieldsFragment,
  CareGrantsQuery,
  GrantCareHoursMutation,
} from '../graphql/requests.js';
import { minutesOfHours } from '../request-input.js';
import { RefusalNotice } from './refusal-notice.js';
import { PermitPicker, type RequestPermit } from './permit-picker.js';

/** Informal-care time: choose a permit, see what it was granted, grant more with a statement. */
export function CareHoursPanel() {
  const { t } = useTranslation('admin-requests');
  const [permit, setPermit] = useState<RequestPermit | null>(null);
  return (
    <section aria-labelledby="care-title">
      <h2 id="care-title">{t('care.title')}</h2>
      <p className="muted">{t('care.intro')}</p>
      <PermitPicker selected={permit} onSelect={setPermit} />
      {permit && (
        <>
          <CareGrantForm
            key={permit.id}
            permit={permit}
            onGranted={(balance) => setPermit({ ...permit, balance })}
          />
          <CareGrantList permitId={permit.id} />
        </>
      )}
    </section>
  );
}

interface Granted {
  readonly minutes: number;
  readonly balanceAfter: number;
  readonly remainingMinutes: number | null;
}

interface GrantValues {
  hours: string;
  statement: string;
}

const emptyGrant: GrantValues = { hours: '', statement: '' };

function CareGrantForm({
  permit,
  onGranted,
}: {
  permit: RequestPermit;
  onGranted(balanceAfter: number): void;
}) {
  const { t, i18n } = useTranslation('admin-requests');
  const format = useFormats();
  const id = useId();
  const form = useForm<GrantValues>({ defaultValues: emptyGrant, shouldFocusError: false });
  const [granted, setGranted] = useState<Granted | null>(null);
  const [placed, setPlaced] = useState(0);
  const [state, grant] = useMutation(GrantCareHoursMutation);
  // One key per grant the official means: a double click or a retry after a lost answer sends
  // the same key, so the permit is credited once; a changed form is another grant.
  const key = useRef<string>(crypto.randomUUID());
  useEffect(() => {
    const watching = form.watch(() => {
      key.current = crypto.randomUUID();
    });
    return () => watching.unsubscribe();
  }, [form]);

  const refusal = state.error && placed === 0 ? state.error : null;
  // The API sends this refusal's other amounts as hours ("390 u") but the amount asked as bare
  // minutes; it reads as a duration here too.
  const requested = refusal ? failureOf(refusal).params.requested : undefined;
  const shownParams =
    typeof requested === 'number' ? { requested: format.duration(requested) } : undefined;

  const submit = async (values: GrantValues) => {
    const minutes = minutesOfHours(values.hours);
    if (minutes === null) return;
    setGranted(null);
    const result = await grant({
      input: {
        permitId: permit.id,
        minutes,
        carerStatement: values.statement.trim(),
        idempotencyKey: key.current,
      },
    });
    let count = showServerProblems(result.error, currentLanguage(i18n), form.setError, (path) =>
      path === 'carerStatement' ? 'statement' : null,
    );
    if (result.error && failureOf(result.error).code === 'CARE_GRANT_INVALID_AMOUNT') {
      form.setError('hours', { type: 'server', message: t('care.hoursInvalid') });
      count += 1;
    }
    setPlaced(count);
    const answer = result.data?.grantCareHours;
    if (!answer) return;
    setGranted({
      minutes: readFragment(CareGrantFieldsFragment, answer.grant).minutes,
      balanceAfter: answer.balanceAfter,
      remainingMinutes: answer.remainingMinutes ?? null,
    });
    onGranted(answer.balanceAfter);
    form.reset(emptyGrant);
    key.current = crypto.randomUUID();
  };

  return (
    <Form
      form={form}
      onSubmit={submit}
      id={`care${id}`}
      className="card request-form"
      aria-labelledby={`${id}-title`}
    >
      <h3 id={`${id}-title`}>{t('care.grantTitle')}</h3>
      <div role="status">
        {granted && (
          <p className="notice notice--success">
            {t('care.granted', {
              duration: format.duration(granted.minutes),
              code: permit.productCode,
              balance: permit.unit ? format.balance(granted.balanceAfter, permit.unit) : '',
            })}
            {granted.remainingMinutes !== null &&
              ` ${t('care.remaining', { remaining: format.duration(granted.remainingMinutes) })}`}
          </p>
        )}
      </div>
      <ErrorSummary />
      <RefusalNotice error={refusal} title={t('care.refused')} params={shownParams} />
      <Field name="hours" label={t('care.hours')} hint={t('care.hoursHint')} required>
        {(control) => (
          <input
            {...control}
            {...form.register('hours', {
              validate: (value) => minutesOfHours(value) !== null || t('care.hoursInvalid'),
            })}
            className="request-form__short"
            inputMode="decimal"
            autoComplete="off"
          />
        )}
      </Field>
      <Field
        name="statement"
        label={t('care.statement')}
        hint={t('care.statementHint')}
        required
        counter={2000}
      >
        {(control) => (
          <textarea
            {...control}
            {...form.register('statement', {
              validate: (value) => value.trim() !== '' || t('care.statementRequired'),
            })}
            rows={3}
            maxLength={2000}
          />
        )}
      </Field>
      <SubmitButton busy={state.fetching}>{t('care.submit')}</SubmitButton>
    </Form>
  );
}

function CareGrantList({ permitId }: { permitId: string }) {
  const { t } = useTranslation('admin-requests');
  const format = useFormats();
  // A first grant must show in a list that was empty, which names no type to refresh by.
  const context = useMemo(() => ({ additionalTypenames: ['CareGrant'] }), []);
  const [result] = useQuery({ query: CareGrantsQuery, variables: { permitId }, context });
  const grants = result.data?.careGrants.map((grant) =>
    readFragment(CareGrantFieldsFragment, grant),
  );
  return (
    <section aria-labelledby="care-earlier">
      <h3 id="care-earlier">{t('care.earlier')}</h3>
      <ErrorNotice error={result.error} />
      {!grants ? (
        !result.error && <Loading />
      ) : grants.length === 0 ? (
        <p className="muted">{t('care.none')}</p>
      ) : (
        <ul className="list" data-testid="care-grants">
          {grants.map((grant) => (
            <li key={grant.id} className="card">
              <span className="card__title">{format.duration(grant.minutes)}</span>
              <p className="request-statement">{grant.carerStatement}</p>
              <span className="muted">
                {t('care.grantedBy', {
                  who: grant.grantedBy,
                  when: format.date(grant.createdAt),
                })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
