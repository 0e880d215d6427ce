import { useTranslation } from 'react-i18next';

/** An application's status as a badge, each its own colour and word. */
export function ApplicationStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation('admin-applications');
  return (
    <span className={`badge admin-applications__status admin-applications__status--${status}`}>
      <span className="visually-hidden">{t('fields.status')}: </span>
      {t(`statuses.${status}`)}
    </span>
  );
}
