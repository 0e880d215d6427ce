import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResultOf } from '../../../app/graphql.js';
import { useFormats } from '../../../app/ui/format.js';
import type { PermitRequestsQuery } from '../graphql/requests.js';

type Requests = ResultOf<typeof PermitRequestsQuery>['permitRequests'];

/** The holder's waiver and care requests together, newest first, each with where it stands. */
export function OwnRequests({ requests }: { requests: Requests }) {
  const { t } = useTranslation('requests');
  const format = useFormats();
  const items = [
    ...requests.fineWaivers.map((waiver) => ({
      id: waiver.id,
      requestedAt: waiver.requestedAt as string,
      title: t('list.waiverTitle', { reference: waiver.fineReference }),
      status: waiver.status,
      decisionReason: waiver.decisionReason,
      decidedAt: waiver.decidedAt as string | null,
      facts: [
        [t('list.fineDate'), format.date(new Date(`${waiver.fineDate}T12:00:00Z`))],
        ...(waiver.plate ? [[t('list.plate'), waiver.plate]] : []),
      ],
    })),
    ...requests.careRequests.map((request) => ({
      id: request.id,
      requestedAt: request.requestedAt as string,
      title: t('list.careTitle', { duration: format.balance(request.minutes, 'minutes') }),
      status: request.status,
      decisionReason: request.decisionReason,
      decidedAt: request.decidedAt as string | null,
      facts: [],
    })),
  ].sort((a, b) => b.requestedAt.localeCompare(a.requestedAt));

  return (
    <section aria-labelledby="own-requests">
      <h2 id="own-requests">{t('list.title')}</h2>
      {items.length === 0 ? (
        <p className="muted">{t('list.none')}</p>
      ) : (
        <ul className="list" data-testid="own-requests">
          {items.map((item) => (
            <li key={item.id} className="card" data-testid="own-request">
              <h3 className="card__title">{item.title}</h3>
              <span className={`badge request-status--${item.status}`}>
                {t(`list.status.${item.status}`)}
              </span>
              <dl className="facts">
                {item.facts.map(([label, value]) => (
                  <Fragment key={label}>
                    <dt>{label}</dt>
                    <dd>{value}</dd>
                  </Fragment>
                ))}
                <dt>{t('list.requestedAt')}</dt>
                <dd>{format.date(item.requestedAt)}</dd>
                {item.decidedAt && (
                  <>
                    <dt>{t('list.decidedAt')}</dt>
                    <dd>{format.date(item.decidedAt)}</dd>
                  </>
                )}
                {item.decisionReason && (
                  <>
                    <dt>{t('list.decisionReason')}</dt>
                    <dd className="requests__statement">{item.decisionReason}</dd>
                  </>
                )}
              </dl>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
