import { useTranslation } from 'react-i18next';

/** A permit's status as a badge: active, blocked or revoked, each its own colour and word. */
export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation('admin-permits');
  return (
    <span className={`badge admin-permits__status admin-permits__status--${status}`}>
      <span className="visually-hidden">{t('status.label')}: </span>
      {t(`status.${status}`)}
    </span>
  );
}
