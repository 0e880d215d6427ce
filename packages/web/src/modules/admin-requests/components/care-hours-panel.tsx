import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { readFragment } from '../../../app/graphql.js';
import { failureOf } from '../../../app/errors.js';
import { currentLanguage } from '../../../app/i18n.js';
import { Loading } from '../../../app/shell/loading.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { useFormats } from '../../../app/ui/format.js';
import { problemsByPath } from '../../../app/errors.js';
import {
  CareGrantFieldsFragment,
  CareGrantsQuery,
  GrantCareHoursMutation,
} from '../graphql/requests.js';
import { minutesOfHours } from '../request-input.js';
import { codeOf, Field, RefusalNotice, useFocusFirstInvalid } from './form-parts.js';
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
  const [hours, setHours] = useState('');
  const [statement, setStatement] = useState('');
  const [checked, setChecked] = useState<{ hours?: string; statement?: string }>({});
  const [granted, setGranted] = useState<Granted | null>(null);
  const [attempt, setAttempt] = useState(0);
  const form = useFocusFirstInvalid(attempt);
  const [state, grant] = useMutation(GrantCareHoursMutation);
  // One key per grant the official means: a double click or a retry after a lost answer sends
  // the same key, so the permit is credited once; a changed form is another grant.
  const key = useRef<string>(crypto.randomUUID());
  const edited = (set: (value: string) => void) => (value: string) => {
    key.current = crypto.randomUUID();
    set(value);
  };

  const problems = problemsByPath(state.error, currentLanguage(i18n));
  const code = codeOf(state.error);
  const amountRefused = code === 'CARE_GRANT_INVALID_AMOUNT';
  const hoursError =
    checked.hours ?? (amountRefused && state.error ? t('care.hoursInvalid') : undefined);
  const statementError = checked.statement ?? problems.get('carerStatement');
  const refusal = state.error && problems.size === 0 && !amountRefused ? state.error : null;
  // The API sends this refusal's other amounts as hours ("390 u") but the amount asked as bare
  // minutes; it reads as a duration here too.
  const requested = refusal ? failureOf(refusal).params.requested : undefined;
  const shownParams =
    typeof requested === 'number' ? { requested: format.duration(requested) } : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (state.fetching) return;
    const minutes = minutesOfHours(hours);
    const found = {
      hours: minutes === null ? t('care.hoursInvalid') : undefined,
      statement: statement.trim() === '' ? t('care.statementRequired') : undefined,
    };
    setChecked(found);
    setGranted(null);
    if (minutes === null || found.statement) {
      setAttempt((n) => n + 1);
      return;
    }
    const result = await grant({
      input: {
        permitId: permit.id,
        minutes,
        carerStatement: statement.trim(),
        idempotencyKey: key.current,
      },
    });
    const answer = result.data?.grantCareHours;
    if (!answer) {
      setAttempt((n) => n + 1);
      return;
    }
    setGranted({
      minutes: readFragment(CareGrantFieldsFragment, answer.grant).minutes,
      balanceAfter: answer.balanceAfter,
      remainingMinutes: answer.remainingMinutes ?? null,
    });
    onGranted(answer.balanceAfter);
    key.current = crypto.randomUUID();
    setHours('');
    setStatement('');
  };

  return (
    <form
      ref={form}
      className="card request-form"
      onSubmit={(event) => void submit(event)}
      noValidate
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
      <RefusalNotice error={refusal} title={t('care.refused')} params={shownParams} />
      <Field
        id={`${id}-hours`}
        label={t('care.hours')}
        hint={t('care.hoursHint')}
        error={hoursError}
      >
        {(control) => (
          <input
            {...control}
            className="request-form__short"
            inputMode="decimal"
            autoComplete="off"
            value={hours}
            onChange={(event) => edited(setHours)(event.target.value)}
          />
        )}
      </Field>
      <Field
        id={`${id}-statement`}
        label={t('care.statement')}
        hint={t('care.statementHint')}
        error={statementError}
      >
        {(control) => (
          <textarea
            {...control}
            rows={3}
            maxLength={2000}
            value={statement}
            onChange={(event) => edited(setStatement)(event.target.value)}
          />
        )}
      </Field>
      <button className="button" type="submit" disabled={state.fetching}>
        {t('care.submit')}
      </button>
    </form>
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
