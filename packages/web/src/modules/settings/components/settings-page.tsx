import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { isLanguage, languages, type Language } from '@parkeer/shared/language';
import { useSession, type Me } from '../../../app/session.js';
import { Loading } from '../../../app/shell/loading.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { UpdateSettingsMutation } from '../graphql/settings.js';
import { StartProductSelect } from './start-product-select.js';

/** Each language named in itself: someone who cannot read the current one still finds theirs. */
const languageNames: Record<Language, string> = { nl: 'Nederlands', en: 'English' };

/**
 * The account's settings (docs/rules.md §6): its e-mail, the interface language, the product the app
 * opens with, and high contrast. Saved together; language and contrast apply at once.
 */
export default function SettingsPage() {
  const { t } = useTranslation('settings');
  const { me } = useSession();
  return (
    <section>
      <h1>{t('title')}</h1>
      {me ? <SettingsForm me={me} /> : <Loading />}
    </section>
  );
}

function SettingsForm({ me }: { me: Me }) {
  const { t } = useTranslation('settings');
  const { t: common } = useTranslation('common');
  const { refresh } = useSession();
  const id = useId();
  const [language, setLanguage] = useState<Language>(isLanguage(me.language) ? me.language : 'nl');
  const [startPermitId, setStartPermitId] = useState(me.startPermitId ?? '');
  const [highContrast, setHighContrast] = useState(me.highContrast);
  const [saved, setSaved] = useState(false);
  const [saving, save] = useMutation(UpdateSettingsMutation);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
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
          <dt>{t('email')}</dt>
          <dd>{me.email}</dd>
        </dl>
      </div>
      <form className="card" onSubmit={(event) => void submit(event)}>
        <div className="field">
          <label htmlFor={`${id}-language`}>{t('language')}</label>
          <select
            id={`${id}-language`}
            value={language}
            onChange={(event) => {
              setSaved(false);
              if (isLanguage(event.target.value)) setLanguage(event.target.value);
            }}
          >
            {languages.map((code) => (
              <option key={code} value={code} lang={code}>
                {languageNames[code]}
              </option>
            ))}
          </select>
        </div>
        <StartProductSelect
          id={`${id}-start`}
          value={startPermitId}
          onChange={(value) => {
            setSaved(false);
            setStartPermitId(value);
          }}
        />
        <div className="field">
          <div className="field field--inline">
            <input
              id={`${id}-contrast`}
              type="checkbox"
              aria-describedby={`${id}-contrast-hint`}
              checked={highContrast}
              onChange={(event) => {
                setSaved(false);
                setHighContrast(event.target.checked);
              }}
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
        <button type="submit" className="button" disabled={saving.fetching}>
          {common('save')}
        </button>
      </form>
    </>
  );
}
