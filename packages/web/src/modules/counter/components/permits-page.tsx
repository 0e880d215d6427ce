import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { Loading } from '../../../app/shell/loading.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { useFormats } from '../../../app/ui/format.js';
import '../counter.css';
import { CounterPermitsQuery, MyPermitApplicationsQuery } from '../graphql/counter.js';
import { LetterLinks } from './letter-links.js';
import { PermitFacts, PermitStatus } from './permit-facts.js';

/**
 * My permits (docs/rules.md §1, the permit counter): each permit bought at the counter with its
 * validity, plates and letters, what may be done with it now, and the applications still open.
 */
export default function PermitsPage() {
  const { t } = useTranslation('counter');
  const format = useFormats();
  const [permits] = useQuery({ query: CounterPermitsQuery });
  const [applications] = useQuery({ query: MyPermitApplicationsQuery });
  const open = (applications.data?.myPermitApplications ?? []).filter(
    (application) =>
      application.status === 'awaitingReview' ||
      // On a waiting list, or offered a place to pay (docs/rules.md §2 quotas).
      application.status === 'waitlisted' ||
      application.status === 'offered' ||
      (application.status === 'awaitingPayment' && application.paymentStatus === 'open'),
  );

  return (
    <section className="counter">
      <h1>{t('permits.title')}</h1>
      <ErrorNotice error={permits.error ?? applications.error} />
      {open.length > 0 && (
        <section aria-labelledby="open-applications">
          <h2 id="open-applications">{t('permits.open')}</h2>
          <ul className="list">
            {open.map((application) => (
              <li key={application.id} className="card" data-testid="open-application">
                <Link className="card__link" to={`/loket/aanvraag/${application.id}`}>
                  {t('permits.openApplication', {
                    product: application.productName,
                    date: format.date(application.createdAt),
                  })}
                </Link>
                <p className="muted">{t(`applicationStatus.${application.status}`)}</p>
              </li>
            ))}
          </ul>
        </section>
      )}
      {!permits.data ? (
        !permits.error && <Loading />
      ) : permits.data.counterPermits.length === 0 ? (
        <p data-testid="no-permits">{t('permits.none')}</p>
      ) : (
        <ul className="list">
          {permits.data.counterPermits.map((permit) => (
            <li key={permit.id} className="card" data-testid="counter-permit">
              <Link className="card__link" to={`/vergunningen/${permit.id}`}>
                <h2 className="card__title">{permit.productName}</h2>
              </Link>
              <PermitStatus status={permit.status} />
              <PermitFacts permit={permit} />
              {permit.canRenew && <p className="notice">{t('permits.renewNow')}</p>}
              <h3 className="counter__letters-title">{t('letters.title')}</h3>
              <LetterLinks letters={permit.letters} />
            </li>
          ))}
        </ul>
      )}
      <div className="actions">
        <Link className="button button--secondary" to="/loket">
          {t('permits.apply')}
        </Link>
        <Link className="button button--secondary" to="/verhuizen">
          {t('permits.move')}
        </Link>
      </div>
    </section>
  );
}
