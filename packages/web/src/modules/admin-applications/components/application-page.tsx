import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { useQuery } from 'urql';
import { readFragment, type ResultOf } from '../../../app/graphql.js';
import { Loading } from '../../../app/shell/loading.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { useFormats } from '../../../app/ui/format.js';
import {
  AdminApplicationFieldsFragment,
  AdminPermitApplicationQuery,
} from '../graphql/applications.js';
import '../admin-applications.css';
import { useApplicationStrings } from '../strings.js';
import { DecideSection } from './decide-section.js';
import { LetterList } from './letter-list.js';
import { ReviewGrounds } from './review-grounds.js';
import { ApplicationStatusBadge } from './status-badge.js';

export type ReviewedApplication = ResultOf<typeof AdminApplicationFieldsFragment>;

/** Where the back link goes: the list the official came from, else the queue. */
function backTo(state: unknown): string {
  const back = (state as { back?: unknown } | null)?.back;
  return typeof back === 'string' && back.startsWith('/beheer/vergunningaanvragen')
    ? back
    : '/beheer/vergunningaanvragen';
}

/**
 * One application of the town: what was asked and paid, who applied (and who for), the
 * applicant's explanation and documents, what the eligibility rules say now, its letters, and
 * the decision while it waits for one.
 */
export default function ApplicationPage() {
  return useApplicationStrings() ? <ApplicationDetails /> : <Loading />;
}

function ApplicationDetails() {
  const { t } = useTranslation('admin-applications');
  const { id = '' } = useParams();
  const location = useLocation();
  const [result] = useQuery({ query: AdminPermitApplicationQuery, variables: { id } });
  const back = (
    <p>
      <Link to={backTo(location.state)}>{t('detail.back')}</Link>
    </p>
  );
  if (result.error)
    return (
      <section>
        {back}
        <ErrorNotice error={result.error} />
      </section>
    );
  if (!result.data) return <Loading />;
  const reviewed = readFragment(AdminApplicationFieldsFragment, result.data.adminPermitApplication);
  const { application } = reviewed;
  return (
    <section className="admin-applications__page">
      {back}
      <div className="admin-applications__head">
        <h1>
          {application.productName} · {t(`kinds.${application.kind}`)}
        </h1>
        <ApplicationStatusBadge status={application.status} />
      </div>
      <Facts reviewed={reviewed} />
      {/* What the rules say matters while someone decides; afterwards the decision stands. */}
      {application.status === 'awaitingReview' && <Eligibility reviewed={reviewed} />}
      <Documents reviewed={reviewed} />
      <LetterList letters={reviewed.application.letters} resentNotice="resent" />
      {/* Keyed by the application: another one starts its form afresh. */}
      <DecideSection key={application.id} reviewed={reviewed} />
    </section>
  );
}

function Facts({ reviewed }: { reviewed: ReviewedApplication }) {
  const { t } = useTranslation('admin-applications');
  const format = useFormats();
  const { application } = reviewed;
  return (
    <dl className="facts admin-applications__facts card">
      <dt>{t('fields.applicant')}</dt>
      <dd>{reviewed.applicantLabel}</dd>
      {reviewed.actorLabel && (
        <>
          <dt>{t('fields.actor')}</dt>
          <dd>{reviewed.actorLabel}</dd>
        </>
      )}
      <dt>{t('fields.address')}</dt>
      <dd>{application.addressLabel}</dd>
      {application.establishmentNumber && (
        <>
          <dt>{t('fields.establishment')}</dt>
          <dd data-testid="application-establishment">{application.establishmentNumber}</dd>
        </>
      )}
      {application.zoneCode && (
        <>
          <dt>{t('fields.zone')}</dt>
          <dd>{application.zoneCode}</dd>
        </>
      )}
      {application.plates.length > 0 && (
        <>
          <dt>{t('fields.plates')}</dt>
          <dd className="plate">{application.plates.join(', ')}</dd>
        </>
      )}
      <dt>{t('fields.validity')}</dt>
      <dd>
        {application.validUntil
          ? t('validity.until', {
              from: format.date(application.validFrom),
              until: format.date(application.validUntil),
            })
          : t('validity.from', { from: format.date(application.validFrom) })}
      </dd>
      <dt>{t('fields.amounts')}</dt>
      <dd>
        {t('amounts', {
          price: format.money(application.priceCents),
          fee: format.money(application.feeCents),
          total: format.money(application.totalCents),
        })}
      </dd>
      <dt>{t('fields.payment')}</dt>
      <dd data-testid="application-payment">
        {t(`payments.${application.paymentStatus ?? 'none'}`)}
        {application.paymentMethod && ` (${t(`paymentMethods.${application.paymentMethod}`)})`}
      </dd>
      <dt>{t('fields.created')}</dt>
      <dd>{format.dateTime(application.createdAt)}</dd>
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
      {application.explanation && (
        <>
          <dt>{t('fields.explanation')}</dt>
          <dd className="admin-applications__text">{application.explanation}</dd>
        </>
      )}
      {application.decidedAt && (
        <>
          <dt>{t('fields.decided')}</dt>
          <dd>{format.dateTime(application.decidedAt)}</dd>
        </>
      )}
      {application.decisionReason && (
        <>
          <dt>{t('fields.decisionReason')}</dt>
          <dd className="admin-applications__text">{application.decisionReason}</dd>
        </>
      )}
      {application.permitId && (
        <>
          <dt>{t('fields.permit')}</dt>
          <dd>
            <Link to={`/beheer/vergunningen/${application.permitId}`}>{t('detail.permit')}</Link>
          </dd>
        </>
      )}
    </dl>
  );
}

/** The rules' outcome now: each refusing rule by its message and its code. */
function Eligibility({ reviewed }: { reviewed: ReviewedApplication }) {
  const { t } = useTranslation('admin-applications');
  return (
    <section aria-labelledby="application-rules" className="card">
      <h2 id="application-rules">{t('detail.rules')}</h2>
      {reviewed.eligibility.length === 0 ? (
        <p className="notice notice--success">{t('detail.rulesPass')}</p>
      ) : (
        <>
          <p>{t('detail.rulesRefuse', { count: reviewed.eligibility.length })}</p>
          <ul className="admin-applications__rules" data-testid="eligibility">
            {reviewed.eligibility.map((refusal) => (
              <li key={refusal.code}>
                {refusal.message}{' '}
                <span className="muted admin-applications__rule">({refusal.code})</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function Documents({ reviewed }: { reviewed: ReviewedApplication }) {
  const { t } = useTranslation('admin-applications');
  const { documents } = reviewed.application;
  return (
    <section aria-labelledby="application-documents" className="card">
      <h2 id="application-documents">{t('detail.documents')}</h2>
      {documents.length === 0 ? (
        <p className="muted">{t('detail.noDocuments')}</p>
      ) : (
        <ul className="admin-applications__files">
          {documents.map((document) => (
            <li key={document.id}>
              <a href={document.downloadUrl} target="_blank" rel="noreferrer">
                {document.fileName}
              </a>{' '}
              <span className="muted">
                {t('detail.fileSize', { kilobytes: Math.max(1, Math.round(document.size / 1024)) })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
