import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { ErrorSummary } from '../../../app/form/error-summary.js';
import { Field, FieldGroup } from '../../../app/form/field.js';
import { Form } from '../../../app/form/form.js';
import { showServerProblems } from '../../../app/form/server-problems.js';
import { SubmitButton } from '../../../app/form/submit-button.js';
import { currentLanguage } from '../../../app/i18n.js';
import { Loading } from '../../../app/shell/loading.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { useFormats } from '../../../app/ui/format.js';
import {
  RedeliverWebhookMutation,
  RotateWebhookSecretMutation,
  SaveWebhookSubscriptionMutation,
  WebhookSubscriptionQuery,
} from '../graphql/partner-apps.js';

const eventTypes = [
  'sessionStarted',
  'sessionChanged',
  'sessionStopped',
  'balanceChanged',
] as const;
type EventType = (typeof eventTypes)[number];

interface WebhookValues {
  url: string;
  eventTypes: EventType[];
  disabled: boolean;
}

/**
 * An app's webhook (docs/partners/webhooks.md): its endpoint and events, the signing secret shown
 * once when made or rotated, and the delivery log with "send again" for a failed event.
 */
export function WebhookPanel({ appId, name }: { appId: string; name: string }) {
  const { t, i18n } = useTranslation('admin-apps');
  const formats = useFormats();
  const [subscription, refetch] = useQuery({
    query: WebhookSubscriptionQuery,
    variables: { appId },
  });
  const [saving, save] = useMutation(SaveWebhookSubscriptionMutation);
  const [rotating, rotate] = useMutation(RotateWebhookSecretMutation);
  const [redelivering, redeliver] = useMutation(RedeliverWebhookMutation);
  const [secret, setSecret] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [placed, setPlaced] = useState(0);
  const current = subscription.data?.webhookSubscription;
  const form = useForm<WebhookValues>({
    values: current
      ? { url: current.url, eventTypes: [...current.eventTypes], disabled: current.disabled }
      : { url: '', eventTypes: [...eventTypes], disabled: false },
  });
  const again = () => refetch({ requestPolicy: 'network-only' });
  const when = (iso: string) => ({ date: formats.date(iso), time: formats.time(iso) });

  const submit = async (values: WebhookValues) => {
    setNotice(null);
    const result = await save({ input: { appId, ...values } });
    setPlaced(showServerProblems(result.error, currentLanguage(i18n), form.setError));
    const done = result.data?.saveWebhookSubscription;
    if (done) {
      setSecret(done.secret ?? null);
      setNotice(t('webhooks.saved'));
      again();
    }
  };

  if (!subscription.data)
    return subscription.error ? <ErrorNotice error={subscription.error} /> : <Loading />;
  return (
    <div className="stack">
      {!current && <p className="muted">{t('webhooks.none')}</p>}
      <Form
        form={form}
        onSubmit={submit}
        id={`webhook-${appId}`}
        aria-label={t('webhooks.summary', { name })}
      >
        <ErrorSummary />
        {placed === 0 && (
          <ErrorNotice error={saving.error ?? rotating.error ?? redelivering.error} />
        )}
        <Field name="url" label={t('webhooks.url')} hint={t('webhooks.urlHint')}>
          {(control) => (
            <input {...control} {...form.register('url')} type="url" spellCheck={false} />
          )}
        </Field>
        <FieldGroup name="eventTypes" legend={t('webhooks.events')} className="field">
          {eventTypes.map((type) => (
            <label key={type} className="field field--inline">
              <input type="checkbox" value={type} {...form.register('eventTypes')} />
              {t(`webhooks.event.${type}`)}
            </label>
          ))}
        </FieldGroup>
        <label className="field field--inline">
          <input type="checkbox" {...form.register('disabled')} />
          {t('webhooks.paused')}
        </label>
        <div role="status">
          {notice && <p className="notice notice--success">{notice}</p>}
          {secret && (
            <p className="notice notice--success">
              {t('webhooks.secret')} <code>{secret}</code>
            </p>
          )}
        </div>
        <SubmitButton busy={saving.fetching}>{t('webhooks.save')}</SubmitButton>
      </Form>
      {current && (
        <>
          <p className="muted">{t('webhooks.secretSince', when(current.secretCreatedAt))}</p>
          <div className="actions">
            <button
              type="button"
              className="button button--secondary"
              disabled={rotating.fetching}
              onClick={() =>
                void rotate({ appId }).then((result) => {
                  setNotice(null);
                  setSecret(result.data?.rotateWebhookSecret.secret ?? null);
                  again();
                })
              }
            >
              {t('webhooks.rotate')}
            </button>
          </div>
          <h3>{t('webhooks.deliveries')}</h3>
          {current.deliveries.length === 0 ? (
            <p className="muted">{t('webhooks.noDeliveries')}</p>
          ) : (
            <ul className="list" aria-label={t('webhooks.deliveries')}>
              {current.deliveries.map((delivery) => {
                const last = delivery.attemptLog.at(-1);
                const type = t(`webhooks.event.${delivery.type}`);
                return (
                  <li key={delivery.id} className="card">
                    <dl className="facts">
                      <dt>{t('webhooks.type')}</dt>
                      <dd>{type}</dd>
                      <dt>{t('webhooks.status')}</dt>
                      <dd>{t(`webhooks.statusOf.${delivery.status}`)}</dd>
                      <dt>{t('webhooks.occurredAt')}</dt>
                      <dd>
                        <time dateTime={delivery.occurredAt}>
                          {formats.date(delivery.occurredAt)} {formats.time(delivery.occurredAt)}
                        </time>
                      </dd>
                      <dt>{t('webhooks.attempts')}</dt>
                      <dd>{delivery.attempts}</dd>
                      {last && (
                        <>
                          <dt>{t('webhooks.lastAttempt')}</dt>
                          <dd>
                            {formats.date(last.at)} {formats.time(last.at)} ·{' '}
                            {last.statusCode === null
                              ? t('webhooks.noAnswer')
                              : t('webhooks.answered', {
                                  statusCode: last.statusCode,
                                  durationMs: last.durationMs,
                                })}
                            {/* An answer's status says it all; without one, why. */}
                            {last.error && last.statusCode === null && (
                              <>
                                {' '}
                                · <code>{last.error}</code>
                              </>
                            )}
                            {last.nextAttemptAt && (
                              <> · {t('webhooks.nextAttempt', when(last.nextAttemptAt))}</>
                            )}
                          </dd>
                        </>
                      )}
                    </dl>
                    {(delivery.status === 'failed' || delivery.status === 'cancelled') && (
                      <div className="actions">
                        <button
                          type="button"
                          className="button"
                          disabled={redelivering.fetching}
                          aria-label={t('webhooks.redeliverLabel', {
                            type,
                            ...when(delivery.occurredAt),
                          })}
                          onClick={() =>
                            void redeliver({ deliveryId: delivery.id }).then((result) => {
                              if (result.data) setNotice(t('webhooks.redelivered'));
                              again();
                            })
                          }
                        >
                          {t('webhooks.redeliver')}
                        </button>
                      </div>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
