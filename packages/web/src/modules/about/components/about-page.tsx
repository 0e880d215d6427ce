import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { Loading } from '../../../app/shell/loading.js';
import { PhoneSimulatorLink } from '../../../app/shell/phone-simulator-link.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { version as appVersion } from '../../../../package.json';
import { AboutQuery } from '../graphql/about.js';

/** What Parkeer is, and the versions of the app and the API: handy when reporting a problem. */
export default function AboutPage() {
  const { t } = useTranslation('about');
  const [{ data, error }] = useQuery({ query: AboutQuery });
  return (
    <section>
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <PhoneSimulatorLink text={t('demoPhone')} label={t('demoPhoneLink')} />
      <h2>{t('versions')}</h2>
      <dl className="facts">
        <dt>{t('appVersion')}</dt>
        <dd data-testid="app-version">{appVersion}</dd>
        <dt>{t('apiVersion')}</dt>
        <dd data-testid="api-version">
          {data ? `${data.about.version} (${data.about.name})` : error ? t('unknown') : <Loading />}
        </dd>
      </dl>
      <ErrorNotice error={error} />
      <p className="muted">{t('reportHint')}</p>
    </section>
  );
}
