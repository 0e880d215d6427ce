import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/session.js';

/**
 * DigiD Machtigen / eHerkenning representation: above every page, whom this login acts for, so
 * nobody applies or pays for the wrong person (docs/rules.md §6).
 */
export function ActingForBanner() {
  const { t } = useTranslation();
  const { me } = useSession();
  if (!me?.actingFor) return null;
  return (
    <p className="acting-for-banner" role="status" data-testid="acting-for">
      {t('actingFor.text', { name: me.actingFor.label || t('actingFor.someone') })}
    </p>
  );
}
