import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { Loading } from '../../../app/shell/loading.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { useFormats } from '../../../app/ui/format.js';
import { ShowMoreButton, useShowMore } from '../../../app/ui/show-more.js';
import {
  useApplications,
  type ApplicationRow,
  type StatusFilter,
} from '../hooks/use-applications.js';
import '../admin-applications.css';
import { useApplicationStrings } from '../strings.js';
import { ReviewGrounds } from './review-grounds.js';
import { ApplicationStatusBadge } from './status-badge.js';

/** The filter in the address (`?status=`), so a reload or the back button keeps it. */
const statusParam = 'status';
const filters: readonly StatusFilter[] = [
  'awaitingReview',
  'awaitingPayment',
  'granted',
  'refused',
  'cancelled',
  'all',
];
const filterOf = (value: string | null): StatusFilter =>
  filters.find((filter) => filter === value) ?? 'awaitingReview';

/**
 * The permit counter's applications of the town, newest first: by default the queue an
 * official decides (paid, awaiting review), each leading to its details and the decision.
 */
export default function ApplicationsPage() {
  return useApplicationStrings() ? <ApplicationList /> : <Loading />;
}

function ApplicationList() {
  const { t } = useTranslation('admin-applications');
  const [params, setParams] = useSearchParams();
  const filter = filterOf(params.get(statusParam));
  const found = useApplications(filter);
  const count = found.applications.length;
  const { list, more } = useShowMore<HTMLUListElement>(count, found.showMore);
  const selectId = useId();

  return (
    <section>
      <h1>{t('list.title')}</h1>
      <div className="card field admin-applications__filter">
        <label htmlFor={selectId}>{t('list.filter')}</label>
        <select
          id={selectId}
          value={filter}
          onChange={(event) => setParams({ [statusParam]: event.target.value })}
        >
          {filters.map((value) => (
            <option key={value} value={value}>
              {t(`filters.${value}`)}
            </option>
          ))}
        </select>
      </div>
      <ErrorNotice error={found.error} />
      {count === 0 ? (
        found.loading ? (
          <Loading />
        ) : (
          !found.error && (
            <p className="muted" role="status">
              {t(`list.none.${filter === 'awaitingReview' ? 'queue' : 'other'}`)}
            </p>
          )
        )
      ) : (
        <>
          <p className="muted" aria-live="polite">
            {t('list.shown', { shown: count, total: found.totalCount ?? count })}
          </p>
          <ul className="list" ref={list} aria-label={t('list.results')}>
            {found.applications.map((application) => (
              <li key={application.id} className="card" tabIndex={-1} data-testid="application-row">
                <ApplicationCard application={application} />
              </li>
            ))}
          </ul>
          {found.loading && <Loading />}
          {found.hasMore && <ShowMoreButton onClick={more} />}
        </>
      )}
    </section>
  );
}

/** One application in the list: what, where, which plates, why it is reviewed, when. */
function ApplicationCard({ application }: { application: ApplicationRow }) {
  const { t } = useTranslation('admin-applications');
  const format = useFormats();
  const location = useLocation();
  return (
    <>
      <div className="admin-applications__head">
        <h2 className="card__title">
          {/* The details page's back link returns to this very list. */}
          <Link
            className="card__link"
            to={`/beheer/vergunningaanvragen/${application.id}`}
            state={{ back: location.pathname + location.search }}
          >
            {application.productName} · {t(`kinds.${application.kind}`)}
          </Link>
        </h2>
        <ApplicationStatusBadge status={application.status} />
      </div>
      <dl className="facts admin-applications__facts">
        <dt>{t('fields.address')}</dt>
        <dd>
          {application.addressLabel}
          {application.zoneCode && ` (${t('list.zone', { zone: application.zoneCode })})`}
        </dd>
        {application.establishmentNumber && (
          <>
            <dt>{t('fields.establishment')}</dt>
            <dd data-testid="application-establishment">{application.establishmentNumber}</dd>
          </>
        )}
        {application.plates.length > 0 && (
          <>
            <dt>{t('fields.plates')}</dt>
            <dd className="plate">{application.plates.join(', ')}</dd>
          </>
        )}
        {application.reviewCases.length > 0 && (
          <>
            <dt>{t('fields.reviewCases')}</dt>
            <dd>{application.reviewCases.map((c) => t(`reviewCases.${c}`)).join(', ')}</dd>
          </>
        )}
        <ReviewGrounds
          unansweredRegistries={application.unansweredRegistries}
          reviewReasons={application.reviewReasons}
        />
        <dt>{t('fields.total')}</dt>
        <dd>{format.money(application.totalCents)}</dd>
        <dt>{t('fields.created')}</dt>
        <dd>{format.dateTime(application.createdAt)}</dd>
      </dl>
    </>
  );
}
