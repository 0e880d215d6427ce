import { useCallback, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { loginLifetime } from '@parkeer/shared/login-lifetime';
import { ErrorSummary } from '../../../app/form/error-summary.js';
import { Field, FieldGroup } from '../../../app/form/field.js';
import { Form } from '../../../app/form/form.js';
import { SubmitButton } from '../../../app/form/submit-button.js';
import { useSession } from '../../../app/session.js';
import { useInactivityLogout } from '../../../app/shell/inactivity.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { useFormats } from '../../../app/ui/format.js';
import { fromLocalInput, toLocalInput } from '../../../app/ui/local-time.js';
import {
  PlateChoicesQuery,
  SessionsQuery,
  StartSessionMutation,
} from '../../sessions/graphql/sessions.js';
import { SessionList } from '../../sessions/components/session-list.js';
import { RegistrationLogoutMutation, RegistrationPermitQuery } from '../graphql/registration.js';
import { PinChange } from './pin-change.js';
import { RegistrationTopUp } from './registration-top-up.js';

interface VisitValues {
  plate: string;
  when: 'now' | 'later';
  /** `datetime-local` texts on the town's clock; an empty end is the product's default. */
  start: string;
  end: string;
}

interface Login {
  readonly permitId: string;
  readonly registrationNumber: string;
  readonly idleMinutes: number;
}

/**
 * The one permit of a registration login: the balance large, a visit for a known plate in one
 * press or a typed one, now or planned for later, the visits running and planned with stop and change, a top-up where the
 * town allows it, the PIN, signing out.
 */
export function RegistrationHome({ login, onEnded }: { login: Login; onEnded(): void }) {
  const { t } = useTranslation('registration');
  const format = useFormats();
  const { restart } = useSession();
  const productId = login.permitId;
  const [permit, refetchPermit] = useQuery({
    query: RegistrationPermitQuery,
    variables: { id: productId },
  });
  const [sessions, refetchSessions] = useQuery({
    query: SessionsQuery,
    variables: { permitId: productId },
  });
  const [choices] = useQuery({
    query: PlateChoicesQuery,
    variables: { permitId: productId, owner: true },
  });
  const [started, start] = useMutation(StartSessionMutation);
  const [, logout] = useMutation(RegistrationLogoutMutation);
  const [notice, setNotice] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const form = useForm<VisitValues>({
    defaultValues: { plate: '', when: 'now', start: '', end: '' },
    shouldFocusError: false,
  });
  const later = form.watch('when') === 'later';
  // Later: the start is an hour from now until chosen otherwise, as in the resident app.
  const whenControl = form.register('when', {
    onChange: (event: { target: { value: string } }) => {
      if (event.target.value === 'later' && !form.getValues('start')) {
        form.setValue('start', toLocalInput(new Date(Date.now() + 3600_000)));
      }
    },
  });

  const refresh = () => {
    refetchPermit({ requestPolicy: 'network-only' });
    refetchSessions({ requestPolicy: 'network-only' });
  };
  const refreshBalance = useCallback(
    () => refetchPermit({ requestPolicy: 'network-only' }),
    [refetchPermit],
  );

  const end = useCallback(
    async (reason: 'inactive' | 'ended') => {
      await logout({});
      restart(reason);
      onEnded();
    },
    [logout, restart, onEnded],
  );
  const endIdle = useCallback(() => void end('inactive'), [end]);
  useInactivityLogout(true, endIdle, loginLifetime.registration.idle);

  const startVisit = async (
    plate: string,
    country: string | null = null,
    times: { start: Date | null; end: Date | null } = { start: null, end: null },
  ) => {
    setNotice(null);
    setRefusal(null);
    const result = await start({
      input: {
        permitId: productId,
        plate,
        country,
        start: times.start?.toISOString() ?? null,
        end: times.end?.toISOString() ?? null,
        idempotencyKey: crypto.randomUUID(),
      },
    });
    const answer = result.data?.startSession;
    if (!answer) return;
    if (answer.__typename === 'SessionRefused') {
      setRefusal(answer.message);
      return;
    }
    const planned = answer.session.status === 'planned';
    setNotice(t(planned ? 'home.planned' : 'home.started', { plate: plate.toUpperCase() }));
    form.reset({ plate: '', when: 'now', start: '', end: '' });
    refresh();
  };

  // Back from the bank, how the payment went comes first, under the balance it changed.
  const [search] = useSearchParams();
  const backFromBank = search.has('payment');
  const product = permit.data?.product;
  const list = sessions.data?.sessions;
  const favorites = choices.data?.favorites ?? [];
  const topUp = (
    <RegistrationTopUp
      productId={productId}
      balance={product?.balance ?? null}
      onPaid={refreshBalance}
    />
  );
  return (
    <div className="registration">
      <section className="card">
        <h1>{t('home.title')}</h1>
        <p className="muted">{t('home.number', { number: login.registrationNumber })}</p>
        {product && (
          <>
            <p>
              {product.name} · {product.zone.name}
            </p>
            <h2>{t('home.balance')}</h2>
            <p className="registration__balance" data-testid="registration-balance">
              {product.balance ? format.balance(product.balance.amount, product.balance.unit) : '–'}
            </p>
          </>
        )}
        <ErrorNotice error={permit.error} />
      </section>

      {backFromBank && topUp}

      <section className="card">
        <h2>{t('home.startTitle')}</h2>
        {notice && (
          <p className="notice notice--success" role="status">
            {notice}
          </p>
        )}
        {refusal && (
          <p className="notice notice--error" role="alert">
            {refusal}
          </p>
        )}
        <ErrorNotice error={started.error} />
        {favorites.length > 0 && (
          <>
            <p>{t('home.pickFavorite')}</p>
            <ul className="registration__favorites">
              {favorites.map((favorite) => (
                <li key={favorite.id}>
                  <button
                    type="button"
                    className="button button--secondary"
                    aria-disabled={started.fetching || undefined}
                    onClick={() => void startVisit(favorite.plate, favorite.country)}
                  >
                    {t('home.startFor', { name: favorite.name, plate: favorite.formattedPlate })}
                  </button>
                </li>
              ))}
            </ul>
            <p>{t('home.orType')}</p>
          </>
        )}
        <Form
          form={form}
          onSubmit={({ plate, when, start: startAt, end }) =>
            startVisit(plate, null, {
              start: when === 'later' ? fromLocalInput(startAt) : null,
              end: fromLocalInput(end),
            })
          }
          id="registration-visit"
        >
          <ErrorSummary />
          <Field name="plate" label={t('home.plate')}>
            {(control) => (
              <input
                {...control}
                {...form.register('plate', {
                  validate: (value) => value.trim() !== '' || t('home.plateMissing'),
                })}
                className="registration__input"
                autoCapitalize="characters"
                autoComplete="off"
              />
            )}
          </Field>
          <FieldGroup name="when" legend={t('home.when')} className="field">
            <div className="field field--inline">
              <input id="visit-now" type="radio" value="now" {...whenControl} />
              <label htmlFor="visit-now">{t('home.now')}</label>
            </div>
            <div className="field field--inline">
              <input id="visit-later" type="radio" value="later" {...whenControl} />
              <label htmlFor="visit-later">{t('home.later')}</label>
            </div>
          </FieldGroup>
          {later && (
            <Field name="start" label={t('home.startAt')}>
              {(control) => (
                <input
                  {...control}
                  type="datetime-local"
                  className="registration__when"
                  {...form.register('start', {
                    validate: (value) =>
                      !later || fromLocalInput(value) !== null || t('home.startAtMissing'),
                  })}
                />
              )}
            </Field>
          )}
          {later && (
            <Field name="end" label={t('home.endAt')} hint={t('home.endAtHint')}>
              {(control) => (
                <input
                  {...control}
                  type="datetime-local"
                  className="registration__when"
                  {...form.register('end')}
                />
              )}
            </Field>
          )}
          <SubmitButton
            busy={started.fetching}
            className="button button--block registration__submit"
          >
            {later ? t('home.plan') : t('home.start')}
          </SubmitButton>
        </Form>
      </section>

      <section className="card">
        <h2>{t('home.visitsTitle')}</h2>
        <ErrorNotice error={sessions.error} />
        {list && (
          <SessionList
            sessions={[...list.running, ...list.planned]}
            onChanged={(said) => {
              setNotice(said);
              refresh();
            }}
          />
        )}
      </section>

      {!backFromBank && topUp}

      <PinChange productId={productId} />

      <section className="card">
        <p className="muted">{t('home.idle', { minutes: login.idleMinutes })}</p>
        <button
          type="button"
          className="button button--secondary button--block"
          onClick={() => void end('ended')}
        >
          {t('home.signOut')}
        </button>
      </section>
    </div>
  );
}
