import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMutation } from 'urql';
import type { ResultOf } from '../../../app/graphql.js';
import { Loading } from '../../../app/shell/loading.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { useFormats } from '../../../app/ui/format.js';
import { applicationPhase, lastDayOf } from '../counter-rules.js';
import '../counter.css';
import { PayPermitOfferMutation, type PermitApplicationQuery } from '../graphql/counter.js';
import { useApplicationPolling } from '../hooks/use-application-polling.js';
import { LetterLinks } from './letter-links.js';
import { PayButton, useLeaveForBank } from './pay-button.js';

type Application = NonNullable<ResultOf<typeof PermitApplicationQuery>['permitApplication']>;

const noticeOf = {
  waiting: 'notice',
  granted: 'notice notice--success',
  review: 'notice',
  refused: 'notice notice--error',
  cancelled: 'notice notice--warning',
  waitlisted: 'notice',
  offered: 'notice notice--success',
} as const;

/**
 * Where the bank sends the applicant back to (docs/rules.md §1, the permit counter): it waits for
 * the payment's outcome, then says what became of the application: granted (valid on the plate
 * now, with the letter), with an official, refused with the reason, or not paid and how to try
 * again.
 */
export default function ApplicationPage() {
  const { t } = useTranslation('counter');
  const { applicationId = '' } = useParams();
  const { result, gaveUp, checkAgain } = useApplicationPolling(applicationId);
  const application = result.data?.permitApplication;

  if (result.error && !application) {
    return (
      <section className="counter">
        <h1>{t('result.title')}</h1>
        <ErrorNotice error={result.error} />
        <p>
          <Link to="/vergunningen">{t('result.toPermits')}</Link>
        </p>
      </section>
    );
  }
  if (!result.data) return <Loading />;
  if (!application) {
    return (
      <section className="counter">
        <h1>{t('result.title')}</h1>
        <p className="notice notice--error">{t('result.notFound')}</p>
        <p>
          <Link to="/vergunningen">{t('result.toPermits')}</Link>
        </p>
      </section>
    );
  }
  return <Outcome application={application} gaveUp={gaveUp} onCheckAgain={checkAgain} />;
}

function Outcome({
  application,
  gaveUp,
  onCheckAgain,
}: {
  application: Application;
  gaveUp: boolean;
  onCheckAgain(): void;
}) {
  const { t } = useTranslation('counter');
  const format = useFormats();
  const phase = applicationPhase(application);
  const slow = phase === 'waiting' && gaveUp;
  const title =
    phase === 'granted'
      ? t(`result.granted.${application.kind}`)
      : slow
        ? t('result.slow.title')
        : t(`result.${phase}.title`);

  return (
    <section className="counter">
      <h1>{t('result.title')}</h1>
      <div
        className={slow ? 'notice notice--warning' : noticeOf[phase]}
        role="status"
        data-testid="application-outcome"
        data-phase={phase}
      >
        <h2 className="card__title">{title}</h2>
        {phase === 'granted' && <p>{t('result.granted.body')}</p>}
        {phase === 'waiting' && <p>{slow ? t('result.slow.body') : t('result.waiting.body')}</p>}
        {phase === 'review' && <p>{t('result.review.body')}</p>}
        {phase === 'review' && application.unansweredRegistries.length > 0 && (
          <p>{t('review.registriesUnanswered')}</p>
        )}
        {phase === 'cancelled' && <p>{t('result.cancelled.body')}</p>}
        {phase === 'waitlisted' && (
          <p data-testid="waiting-list-position">
            {t('result.waitlisted.body', { position: application.waitingListPosition ?? '–' })}
          </p>
        )}
        {phase === 'offered' && application.offerExpiresAt && (
          <p>
            {t('result.offered.body', {
              lastDay: format.date(lastDayOf(application.offerExpiresAt)),
            })}
          </p>
        )}
        {phase === 'refused' && (
          <>
            {application.decisionReason && (
              <p className="counter__statement">
                {t('result.refused.reason', { reason: application.decisionReason })}
              </p>
            )}
            {application.totalCents > 0 && <p>{t('result.refused.refund')}</p>}
          </>
        )}
        {slow && (
          <button type="button" className="button button--secondary" onClick={onCheckAgain}>
            {t('result.slow.checkAgain')}
          </button>
        )}
      </div>

      <section className="card" aria-labelledby="application-facts">
        <h2 id="application-facts" className="card__title">
          {application.productName}
        </h2>
        <dl className="facts">
          <dt>{t('review.address')}</dt>
          <dd>{application.addressLabel}</dd>
          {application.zoneCode && (
            <>
              <dt>{t('review.zone')}</dt>
              <dd>{application.zoneCode}</dd>
            </>
          )}
          {application.plates.length > 0 && (
            <>
              <dt>{t('review.plates')}</dt>
              <dd data-testid="application-plates">{application.plates.join(', ')}</dd>
            </>
          )}
          <dt>{t('review.validity')}</dt>
          <dd>
            {application.validUntil
              ? t('review.validRange', {
                  from: format.date(application.validFrom),
                  until: format.date(lastDayOf(application.validUntil)),
                })
              : t('review.validFrom', { from: format.date(application.validFrom) })}
          </dd>
          <dt>
            {phase === 'granted' || phase === 'review' ? t('result.paid') : t('review.total')}
          </dt>
          <dd data-testid="application-total">{format.money(application.totalCents)}</dd>
          {(phase === 'granted' || phase === 'review') && application.paymentMethod && (
            <>
              <dt>{t('review.method.legend')}</dt>
              <dd data-testid="application-method">
                {t(`review.method.${application.paymentMethod}`)}
              </dd>
            </>
          )}
        </dl>
        {phase === 'granted' || application.letters.length > 0 ? (
          <>
            <h3>{t('letters.title')}</h3>
            {application.letters.length === 0 ? (
              <p className="muted">{t('result.letterPending')}</p>
            ) : (
              <LetterLinks letters={application.letters} />
            )}
          </>
        ) : null}
      </section>

      {phase === 'offered' && (
        <TakeOffer applicationId={application.id} totalCents={application.totalCents} />
      )}

      <nav className="actions" aria-label={t('result.title')}>
        {phase === 'cancelled' && (
          <Link
            className="button"
            to={application.permitId ? `/vergunningen/${application.permitId}` : '/loket'}
          >
            {t('result.tryAgain')}
          </Link>
        )}
        {application.permitId && phase !== 'cancelled' && (
          <Link className="button" to={`/vergunningen/${application.permitId}`}>
            {t('result.toPermit')}
          </Link>
        )}
        <Link className="button button--secondary" to="/vergunningen">
          {t('result.toPermits')}
        </Link>
      </nav>
    </section>
  );
}

/**
 * Takes the offered place (docs/rules.md §2 quotas): to the bank's page; with nothing to pay the
 * permit is granted at once and the page shows it.
 */
function TakeOffer({ applicationId, totalCents }: { applicationId: string; totalCents: number }) {
  const { t } = useTranslation('counter');
  const [sent, pay] = useMutation(PayPermitOfferMutation);
  const { leaving, leave } = useLeaveForBank();
  return (
    <div className="card">
      <ErrorNotice error={sent.error} />
      <PayButton
        totalCents={totalCents}
        busy={sent.fetching}
        leaving={leaving}
        label={t('result.offered.pay')}
        onPay={() => {
          void pay({ applicationId }, { additionalTypenames: ['PermitApplication'] }).then(
            (result) => {
              const checkoutUrl = result.data?.payPermitOffer.checkoutUrl;
              if (checkoutUrl) leave(checkoutUrl);
              else if (result.data) window.location.reload();
            },
          );
        }}
      />
    </div>
  );
}
