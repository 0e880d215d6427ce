import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { readFragment } from '../../../app/graphql.js';
import { Loading } from '../../../app/shell/loading.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { useFormats } from '../../../app/ui/format.js';
import { ProductHeader } from '../../sessions/components/product-header.js';
import { ProductDetailQuery } from '../../sessions/graphql/sessions.js';
import { useLiveRefetch } from '../../sessions/hooks/use-live-refetch.js';
import {
  FlexPermitFieldsFragment,
  FlexPermitQuery,
  FlexPlateFieldsFragment,
  RegisterFlexPlateMutation,
  StopFlexRegistrationMutation,
} from '../graphql/flex.js';
import { AddFlexPlateForm } from './add-flex-plate-form.js';
import { FlexPlateRow } from './flex-plate-row.js';

/**
 * The flexible business permit's day (docs/rules.md §5, The flexible business permit): which plate is
 * registered and until when (the end of the zone's paid hours), one big action per listed plate,
 * and the list itself. Phone first: the actions are full width, the list below them.
 */
export default function FlexPage() {
  const { t } = useTranslation('flex');
  const format = useFormats();
  const { productId = '' } = useParams();
  const [product, refetchProduct] = useQuery({
    query: ProductDetailQuery,
    variables: { id: productId },
  });
  const [flex, refetchFlex] = useQuery({
    query: FlexPermitQuery,
    variables: { id: productId },
  });
  const refresh = useCallback(() => {
    refetchProduct({ requestPolicy: 'network-only' });
    refetchFlex({ requestPolicy: 'network-only' });
  }, [refetchProduct, refetchFlex]);
  // A registration from the phone line, the partner API or another tab shows here at once.
  useLiveRefetch(productId, refresh);
  const [done, setDone] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [registerState, register] = useMutation(RegisterFlexPlateMutation);
  const [stopState, stop] = useMutation(StopFlexRegistrationMutation);

  const detail = product.data?.product;
  if (product.error) return <ErrorNotice error={product.error} />;
  if (!detail) return <Loading />;
  const day = flex.data ? readFragment(FlexPermitFieldsFragment, flex.data.flexPermit) : null;
  const plates = day?.plates.map((item) => readFragment(FlexPlateFieldsFragment, item)) ?? [];
  const registered = day?.registration ?? null;
  const registeredPlate = plates.find((plate) => plate.plate === registered?.plate);
  const end = day?.paidHoursEnd ? format.time(day.paidHoursEnd) : null;
  const busy = registerState.fetching || stopState.fetching;

  const said = (message: string) => {
    setRefusal(null);
    setDone(message);
    refresh();
  };
  const registerPlate = async (plate: string) => {
    setDone(null);
    setRefusal(null);
    const result = await register({
      input: { permitId: productId, plate, idempotencyKey: crypto.randomUUID() },
    });
    const answer = result.data?.registerFlexPlate;
    if (answer?.__typename === 'SessionRefused') setRefusal(answer.message);
    if (answer?.__typename === 'SessionAccepted') {
      said(
        t('done.registered', {
          plate: answer.session.formattedPlate,
          time: format.time(answer.session.end),
        }),
      );
    }
  };
  const stopRegistration = async () => {
    setDone(null);
    const result = await stop({ permitId: productId });
    if (!result.error) said(t('done.stopped'));
  };

  const actionFor = (plate: (typeof plates)[number]) => {
    if (plate.registered) return { label: t('stop'), kind: 'stop' as const };
    if (!day?.canRegister || !end) return null;
    return registered
      ? { label: t('switch', { name: plate.name }), kind: 'register' as const }
      : { label: t('register', { time: end }), kind: 'register' as const };
  };

  return (
    <section>
      <ProductHeader product={detail} />
      <h2>{t('title')}</h2>
      <div role="status">{done && <p className="notice notice--success">{done}</p>}</div>
      {refusal && (
        <p className="notice notice--error" role="alert">
          {refusal}
        </p>
      )}
      <ErrorNotice error={flex.error ?? registerState.error ?? stopState.error} />
      {!day ? (
        !flex.error && <Loading />
      ) : (
        <>
          <div className="card" data-testid="flex-today">
            <h3 className="card__title">{t('today', { date: format.date(day.date) })}</h3>
            {registered ? (
              <>
                <p>
                  {registered.start > new Date().toISOString()
                    ? t('registeredPlanned', {
                        name: registeredPlate?.name ?? registered.formattedPlate,
                        plate: registered.formattedPlate,
                        start: format.time(registered.start),
                        time: format.time(registered.end),
                      })
                    : t('registered', {
                        name: registeredPlate?.name ?? registered.formattedPlate,
                        plate: registered.formattedPlate,
                        time: format.time(registered.end),
                      })}
                </p>
                <p className="muted">
                  {t('stopsAutomatically', {
                    time: format.time(registered.end),
                    zone: day.zoneName,
                  })}
                </p>
              </>
            ) : day.canRegister && end ? (
              <>
                <p>{t('noneRegistered', { time: end, zone: day.zoneName })}</p>
                {day.registrationStart && day.registrationStart > new Date().toISOString() && (
                  <p className="muted">
                    {t('startsLater', { time: format.time(day.registrationStart) })}
                  </p>
                )}
              </>
            ) : (
              <p>
                {t('closed', {
                  zone: day.zoneName,
                  date: day.nextDate ? format.date(day.nextDate) : '',
                })}
              </p>
            )}
            <p className="muted">{t('tomorrow')}</p>
          </div>
          <h2>{t('platesTitle')}</h2>
          {plates.length === 0 ? (
            <p className="muted">{t('none')}</p>
          ) : (
            <ul className="list" aria-label={t('platesTitle')}>
              {plates.map((plate) => {
                const action = actionFor(plate);
                return (
                  <FlexPlateRow
                    key={plate.id}
                    permitId={productId}
                    plate={plate}
                    action={action}
                    busy={busy}
                    onAction={() =>
                      void (action?.kind === 'stop'
                        ? stopRegistration()
                        : registerPlate(plate.plate))
                    }
                    onChanged={said}
                  />
                );
              })}
            </ul>
          )}
          <h2>{t('manage.title')}</h2>
          <p className="muted">
            {t('manage.count', { listed: plates.length, max: day.maxPlates })}
          </p>
          {plates.length < day.maxPlates && (
            <AddFlexPlateForm
              permitId={productId}
              onAdded={(name) => said(t('done.added', { name }))}
            />
          )}
        </>
      )}
      <p>
        <Link to={`/producten/${productId}`}>{t('backToProduct')}</Link>
      </p>
    </section>
  );
}
