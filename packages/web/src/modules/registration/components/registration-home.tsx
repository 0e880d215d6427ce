import { useCallback, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { loginLifetime } from '@parkeer/shared/login-lifetime';
import { ErrorSummary } from '../../../app/form/error-summary.js';
import { Field } from '../../../app/form/field.js';
import { Form } from '../../../app/form/form.js';
import { SubmitButton } from '../../../app/form/submit-button.js';
import { useSession } from '../../../app/session.js';
import { useInactivityLogout } from '../../../app/shell/inactivity.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { useFormats } from '../../../app/ui/format.js';
import {
  PlateChoicesQuery,
  SessionsQuery,
  StartSessionMutation,
} from '../../sessions/graphql/sessions.js';
import { SessionList } from '../../sessions/components/session-list.js';
import { RegistrationLogoutMutation, RegistrationPermitQuery } from '../graphql/registration.js';
import { PinChange } from './pin-change.js';
import { RegistrationTopUp } from './registration-top-up.js';

interface Login {
  readonly productId: string;
  readonly registrationNumber: string;
  readonly idleMinutes: number;
}

/**
 * The one permit of a registration login: the balance large, a visit for a known plate in one
 * press or a typed one, the visits running and planned with stop and change, a top-up where the
 * town allows it, the PIN, signing out.
 */
export function RegistrationHome({ login, onEnded }: { login: Login; onEnded(): void }) {
  const { t } = useTranslation('registration');
  const format = useFormats();
  const { restart } = useSession();
  const productId = login.productId;
  const [permit, refetchPermit] = useQuery({
    query: RegistrationPermitQuery,
    variables: { id: productId },
  });
  const [sessions, refetchSessions] = useQuery({ query: SessionsQuery, variables: { productId } });
  const [choices] = useQuery({
    query: PlateChoicesQuery,
    variables: { permitId: productId, owner: true },
  });
  const [started, start] = useMutation(StartSessionMutation);
  const [, logout] = useMutation(RegistrationLogoutMutation);
  const [notice, setNotice] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const form = useForm<{ plate: string }>({
    defaultValues: { plate: '' },
    shouldFocusError: false,
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

  const startVisit = async (plate: string, country: string | null = null) => {
    setNotice(null);
    setRefusal(null);
    const result = await start({
      input: { productId, plate, country, idempotencyKey: crypto.randomUUID() },
    });
    const answer = result.data?.startSession;
    if (!answer) return;
    if (answer.__typename === 'SessionRefused') {
      setRefusal(answer.message);
      return;
    }
    setNotice(t('home.started', { plate: plate.toUpperCase() }));
    form.reset({ plate: '' });
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
        <Form form={form} onSubmit={({ plate }) => startVisit(plate)} id="registration-visit">
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
          <SubmitButton
            busy={started.fetching}
            className="button button--block registration__submit"
          >
            {t('home.start')}
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
