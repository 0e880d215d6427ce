import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../app/i18n.js';
import { useFormats } from '../../../app/ui/format.js';
import { plateLabel } from '../../favorites/countries.js';
import type { Preview } from '../preview.js';

/** A session's plate, times and cost, before it is confirmed. */
export function QuoteView({
  preview,
  testId,
}: {
  preview: Extract<Preview, { ok: true }>;
  testId?: string;
}) {
  const { t, i18n } = useTranslation('sessions');
  const format = useFormats();
  return (
    <div className="preview" data-testid={testId}>
      <p className="preview__cost">
        <span className="preview__cost-label">{t('quote.cost')}</span>
        <span data-testid={testId ? `${testId}-cost` : undefined}>
          {format.balance(preview.cost, preview.unit)}
        </span>
      </p>
      <dl className="facts">
        <dt>{t('quote.plate')}</dt>
        <dd>
          {plateLabel(
            { formattedPlate: preview.plate, country: preview.country },
            currentLanguage(i18n),
          )}
        </dd>
        <dt>{t('quote.start')}</dt>
        <dd>{format.dateTime(preview.start)}</dd>
        <dt>{t('quote.end')}</dt>
        <dd>{format.dateTime(preview.end)}</dd>
        <dt>{t('quote.paidTime')}</dt>
        <dd>{format.duration(preview.paidMinutes)}</dd>
        <dt>{t('quote.reserved')}</dt>
        <dd>{format.balance(preview.reservation, preview.unit)}</dd>
      </dl>
      {preview.planned && <p>{t('quote.planned')}</p>}
      {preview.runsToZero && (
        <p className="notice notice--warning">
          {t('quote.runsToZero', { until: format.dateTime(preview.coveredUntil) })}
        </p>
      )}
    </div>
  );
}
