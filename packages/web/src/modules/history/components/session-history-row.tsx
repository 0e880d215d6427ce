import { useTranslation } from 'react-i18next';
import type { ResultOf } from '../../../app/graphql.js';
import { useFormats } from '../../../app/ui/format.js';
import type { SessionHistoryQuery } from '../graphql/history.js';
import { timeRange } from '../history-format.js';

export type SessionHistoryItem = ResultOf<
  typeof SessionHistoryQuery
>['sessionHistory']['edges'][number]['node'];

/** One session: plate, when, its status, what it cost (per paid window when there are more). */
export function SessionHistoryRow({ session }: { session: SessionHistoryItem }) {
  const { t } = useTranslation('history');
  const format = useFormats();
  const ended = session.status === 'ended' || session.status === 'deleted';
  return (
    <>
      <h3 className="card__title">
        {session.formattedPlate}{' '}
        <span className="badge">{t(`sessionStatus.${session.status}`)}</span>
      </h3>
      <dl className="facts">
        <dt>{t('session.when')}</dt>
        <dd>{timeRange(session.start, session.stoppedAt ?? session.end, format)}</dd>
        {session.stoppedAt && (
          <>
            <dt>{t('session.plannedEnd')}</dt>
            <dd>{format.dateTime(session.end)}</dd>
          </>
        )}
        {session.unit && (
          <>
            <dt>{ended ? t('session.cost') : t('session.reserved')}</dt>
            <dd>{format.balance(session.cost, session.unit)}</dd>
          </>
        )}
        {session.delegated && (
          <>
            <dt>{t('session.by')}</dt>
            <dd>{session.startedByEmail ?? t('session.byDelegate')}</dd>
          </>
        )}
        {session.startedByApp && (
          <>
            <dt>{t('session.by')}</dt>
            <dd>{t('session.byApp', { app: session.startedByApp })}</dd>
          </>
        )}
      </dl>
      {session.unit && session.segments.length > 1 && (
        <details>
          <summary>{t('session.segments')}</summary>
          <dl className="facts">
            {session.segments.map((segment) => (
              <SegmentFacts key={segment.start} segment={segment} unit={session.unit!} />
            ))}
          </dl>
        </details>
      )}
    </>
  );
}

function SegmentFacts({
  segment,
  unit,
}: {
  segment: SessionHistoryItem['segments'][number];
  unit: string;
}) {
  const format = useFormats();
  return (
    <>
      <dt>{timeRange(segment.start, segment.end, format)}</dt>
      <dd>{format.balance(segment.cost, unit)}</dd>
    </>
  );
}
