import { useTranslation } from 'react-i18next';
import { useFormats } from '../../../app/ui/format.js';
import { instantOnDate } from '../refusal.js';

/** Where the resident stands against the period's maximum (docs/rules.md §4: per year, in time or money). */
export function CapStatus({
  cap,
}: {
  cap: {
    period: string;
    measure: string;
    unit: 'minutes' | 'cents';
    limit: number;
    used: number;
    remaining: number;
    nextPeriodStart: string;
  };
}) {
  const { t } = useTranslation('top-up');
  const format = useFormats();
  return (
    <section className="card" aria-labelledby="top-up-cap" data-testid="top-up-cap">
      <h2 id="top-up-cap" className="card__title">
        {cap.period === 'permitYear' ? t('cap.titlePermitYear') : t('cap.titleCalendarYear')}
      </h2>
      <dl className="facts">
        <dt>{t('cap.limit')}</dt>
        <dd>{format.balance(cap.limit, cap.unit)}</dd>
        <dt>{cap.measure === 'price' ? t('cap.usedPrice') : t('cap.usedAmount')}</dt>
        <dd>{format.balance(cap.used, cap.unit)}</dd>
        <dt>{t('cap.remaining')}</dt>
        <dd>{format.balance(cap.remaining, cap.unit)}</dd>
        <dt>{t('cap.nextPeriod')}</dt>
        <dd>{format.date(instantOnDate(cap.nextPeriodStart))}</dd>
      </dl>
    </section>
  );
}
