import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { graphql } from '../graphql.js';

export const DemoModeQuery = graphql(`
  query DemoMode {
    about {
      demoMode
    }
  }
`);

/**
 * Above every page of a demo installation, so nobody mistakes its made-up towns, accounts and
 * simulated bank for the real service.
 */
export function DemoBanner() {
  const { t } = useTranslation();
  const [{ data }] = useQuery({ query: DemoModeQuery });
  if (!data?.about.demoMode) return null;
  return (
    <p className="demo-banner" role="note" data-testid="demo-banner">
      <strong>{t('demo.title')}</strong> {t('demo.text')}
    </p>
  );
}
