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
import {
  PartnerAppsQuery,
  RegisterPartnerAppMutation,
  SetPartnerAppDisabledMutation,
} from '../graphql/partner-apps.js';
import { usePartnerAppStrings } from '../strings.js';
import { WebhookPanel } from './webhook-panel.js';

const scopes = ['readParking', 'parkSessions', 'manageFavorites'] as const;
type Scope = (typeof scopes)[number];

/**
 * The platform admin's apps acting for residents (docs/graphql.md "Acting for a resident"): the
 * registered ones with disable, and a new one; a confidential app's secret is shown once.
 */
export default function PartnerAppsPage() {
  return usePartnerAppStrings() ? <PartnerApps /> : <Loading />;
}

function PartnerApps() {
  const { t } = useTranslation('admin-apps');
  const [apps, refetch] = useQuery({ query: PartnerAppsQuery });
  const [switching, setDisabled] = useMutation(SetPartnerAppDisabledMutation);
  const list = apps.data?.partnerApps;
  const again = () => refetch({ requestPolicy: 'network-only' });
  return (
    <section>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <ErrorNotice error={apps.error ?? switching.error} />
      {!list ? (
        !apps.error && <Loading />
      ) : list.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <ul className="list" aria-label={t('title')}>
          {list.map((app) => (
            <li key={app.id} className="card">
              <span className="card__title">
                {app.name} · {app.owner}
                {app.disabled && <span className="badge"> {t('disabledBadge')}</span>}
              </span>
              <p className="muted">
                {t('details', { clientId: app.clientId, kind: t(`kind.${app.kind}`) })}
                <br />
                {t('scopesOf', { scopes: app.scopes.map((s) => t(`scope.${s}`)).join(', ') })}
                <br />
                {t('redirectsTo', { uris: app.redirectUris.join(', ') })}
                <br />
                {t('contact', { email: app.contactEmail })}
              </p>
              <button
                type="button"
                className="button button--secondary"
                disabled={switching.fetching}
                onClick={() =>
                  void setDisabled({ id: app.id, disabled: !app.disabled }).then(again)
                }
              >
                {t(app.disabled ? 'enable' : 'disable', { name: app.name })}
              </button>
              <WebhookDetails appId={app.id} name={app.name} />
            </li>
          ))}
        </ul>
      )}
      <NewAppForm onCreated={again} />
    </section>
  );
}

/** The webhook of an app, read only once its details are opened. */
function WebhookDetails({ appId, name }: { appId: string; name: string }) {
  const { t } = useTranslation('admin-apps');
  const [open, setOpen] = useState(false);
  return (
    <details onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t('webhooks.summary', { name })}</summary>
      {open && <WebhookPanel appId={appId} name={name} />}
    </details>
  );
}

interface AppValues {
  name: string;
  owner: string;
  contactEmail: string;
  redirectUris: string;
  scopes: Scope[];
  kind: 'public' | 'confidential';
}

/** The API names each redirect URI `redirectUris[2]`; the form holds them in one text area. */
const appFieldOf = (path: string) => path.replace(/\[\d+\]$/, '');

function NewAppForm({ onCreated }: { onCreated(): void }) {
  const { t, i18n } = useTranslation('admin-apps');
  const form = useForm<AppValues>({
    defaultValues: {
      name: '',
      owner: '',
      contactEmail: '',
      redirectUris: '',
      scopes: ['readParking', 'parkSessions'],
      kind: 'public',
    },
  });
  const [state, register] = useMutation(RegisterPartnerAppMutation);
  const [placed, setPlaced] = useState(0);
  const [created, setCreated] = useState<{
    name: string;
    clientId: string;
    secret: string | null;
  } | null>(null);

  const submit = async (values: AppValues) => {
    setCreated(null);
    const result = await register({
      input: {
        name: values.name,
        owner: values.owner,
        contactEmail: values.contactEmail,
        redirectUris: values.redirectUris
          .split('\n')
          .map((uri) => uri.trim())
          .filter(Boolean),
        scopes: values.scopes,
        kind: values.kind,
      },
    });
    setPlaced(showServerProblems(result.error, currentLanguage(i18n), form.setError, appFieldOf));
    const done = result.data?.registerPartnerApp;
    if (done) {
      setCreated({ name: done.app.name, clientId: done.app.clientId, secret: done.clientSecret });
      form.reset();
      onCreated();
    }
  };

  return (
    <Form form={form} onSubmit={submit} id="partner-app" aria-labelledby="new-app-title">
      <h2 id="new-app-title">{t('new.title')}</h2>
      <ErrorSummary />
      {placed === 0 && <ErrorNotice error={state.error} />}
      <Field name="name" label={t('new.name')} />
      <Field name="owner" label={t('new.owner')} />
      <Field name="contactEmail" label={t('new.contactEmail')}>
        {(control) => <input {...control} {...form.register('contactEmail')} type="email" />}
      </Field>
      <Field name="redirectUris" label={t('new.redirectUris')} hint={t('new.redirectUrisHint')}>
        {(control) => (
          <textarea {...control} {...form.register('redirectUris')} rows={3} spellCheck={false} />
        )}
      </Field>
      <FieldGroup name="scopes" legend={t('new.scopes')} className="field">
        {scopes.map((scope) => (
          <label key={scope} className="field field--inline">
            <input type="checkbox" value={scope} {...form.register('scopes')} />
            {t(`scope.${scope}`)}
          </label>
        ))}
      </FieldGroup>
      <Field name="kind" label={t('new.kind')}>
        {(control) => (
          <select {...control} {...form.register('kind')}>
            <option value="public">{t('kind.public')}</option>
            <option value="confidential">{t('kind.confidential')}</option>
          </select>
        )}
      </Field>
      <div role="status">
        {created && (
          <div className="notice notice--success">
            <p>{t('new.created', { name: created.name, clientId: created.clientId })}</p>
            {created.secret && (
              <p>
                {t('new.secret')} <code>{created.secret}</code>
              </p>
            )}
          </div>
        )}
      </div>
      <SubmitButton busy={state.fetching}>{t('new.submit')}</SubmitButton>
    </Form>
  );
}
