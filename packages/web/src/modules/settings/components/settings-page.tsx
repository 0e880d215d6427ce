import { useEffect, useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { isLanguage, languages, type Language } from '@parkeer/shared/language';
import { Field } from '../../../app/form/field.js';
import { Form } from '../../../app/form/form.js';
import { SubmitButton } from '../../../app/form/submit-button.js';
import { useSession, type Me } from '../../../app/session.js';
import { Loading } from '../../../app/shell/loading.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { UpdateSettingsMutation } from '../graphql/settings.js';
import { StartProductSelect } from './start-product-select.js';
import { IdentityLinks } from '../../auth/components/identity-links.js';
import { useIdentityFailure } from '../../auth/components/sign-in-options.js';
import { ConnectedApps } from '../../apps/components/connected-apps.js';

/** Each language named in itself: someone who cannot read the current one still finds theirs. */
const languageNames: Record<Language, string> = { nl: 'Nederlands', en: 'English' };

/**
 * The account's settings (docs/rules.md §6): its e-mail, the interface language, the product the app
 * opens with, and high contrast. Saved together; language and contrast apply at once.
 */
export default function SettingsPage() {
  const { t } = useTranslation('settings');
  const { me } = useSession();
  const [search] = useSearchParams();
  // Linking DigiD or eHerkenning comes back here; a refusal with its code.
  const identityFailure = useIdentityFailure(search.get('fout'));
  return (
    <section>
      <h1>{t('title')}</h1>
      {identityFailure && (
        <p className="notice notice--error" role="alert">
          {identityFailure}
        </p>
      )}
      {me ? (
        <>
          <SettingsForm me={me} />
          <IdentityLinks me={me} />
          {(me.role === 'resident' || me.role === 'business') && <ConnectedApps />}
        </>
      ) : (
        <Loading />
      )}
    </section>
  );
}

interface SettingsValues {
  language: Language;
  startPermitId: string;
  highContrast: boolean;
}

function SettingsForm({ me }: { me: Me }) {
  const { t } = useTranslation('settings');
  const { t: common } = useTranslation('common');
  const { refresh } = useSession();
  const id = useId();
  const form = useForm<SettingsValues>({
    defaultValues: {
      language: isLanguage(me.language) ? me.language : 'nl',
      startPermitId: me.startPermitId ?? '',
      highContrast: me.highContrast,
    },
  });
  const [saved, setSaved] = useState(false);
  const [saving, save] = useMutation(UpdateSettingsMutation);
  // "Saved" is about the values shown: a change after it takes it back.
  useEffect(() => {
    const watching = form.watch(() => setSaved(false));
    return () => watching.unsubscribe();
  }, [form]);

  const submit = async ({ language, startPermitId, highContrast }: SettingsValues) => {
    setSaved(false);
    const result = await save({
      input: { language, startPermitId: startPermitId || null, highContrast },
    });
    if (result.error) return;
    setSaved(true);
    refresh();
  };

  return (
    <>
      <div className="card">
        <dl className="facts">
          {/* An account made by a DigiD or eHerkenning login has a name but no address yet. */}
          <dt>{me.email || !me.displayName ? t('email') : t('name')}</dt>
          <dd>{me.email ?? me.displayName ?? '—'}</dd>
        </dl>
      </div>
      <Form form={form} onSubmit={submit} id={`settings${id}`} className="card">
        <Field name="language" label={t('language')}>
          {(control) => (
            <select {...control} {...form.register('language')}>
              {languages.map((code) => (
                <option key={code} value={code} lang={code}>
                  {languageNames[code]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <StartProductSelect name="startPermitId" />
        <div className="field">
          <div className="field field--inline">
            <input
              id={`${id}-contrast`}
              type="checkbox"
              aria-describedby={`${id}-contrast-hint`}
              {...form.register('highContrast')}
            />
            <label htmlFor={`${id}-contrast`}>{t('highContrast')}</label>
          </div>
          <span id={`${id}-contrast-hint`} className="field__hint">
            {t('highContrastHint')}
          </span>
        </div>
        <ErrorNotice error={saving.error} />
        {saved && (
          <p className="notice notice--success" role="status">
            {common('saved')}
          </p>
        )}
        <SubmitButton busy={saving.fetching}>{common('save')}</SubmitButton>
      </Form>
    </>
  );
}
