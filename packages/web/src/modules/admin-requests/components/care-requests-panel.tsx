import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { readFragment, type ResultOf, type VariablesOf } from '../../../app/graphql.js';
import { Loading } from '../../../app/shell/loading.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { useFormats } from '../../../app/ui/format.js';
import {
  CareHoursRequestFieldsFragment,
  CareHoursRequestsQuery,
  DecideCareHoursRequestMutation,
} from '../graphql/requests.js';
import { ReasonDialog } from './reason-dialog.js';

type Status = NonNullable<VariablesOf<typeof CareHoursRequestsQuery>['status']>;
type CareRequest = ResultOf<typeof CareHoursRequestFieldsFragment>;
type Filter = Status | 'all';
const statuses = ['pending', 'approved', 'refused'] as const satisfies readonly Status[];
/** The queue shows the newest requests; a town with more waiting works through these first. */
const shownAtOnce = 20;

/**
 * Holders' own requests for informal-care time (docs/rules.md §4): pending first, each approved
 * (the hours are granted through the ledger, within the year's cap) or refused, with a reason.
 */
export function CareRequestsPanel() {
  const { t } = useTranslation('admin-requests');
  const format = useFormats();
  const [filter, setFilter] = useState<Filter>('pending');
  const context = useMemo(() => ({ additionalTypenames: ['CareHoursRequest'] }), []);
  const [result, refetch] = useQuery({
    query: CareHoursRequestsQuery,
    variables: { status: filter === 'all' ? null : filter, first: shownAtOnce },
    context,
  });
  const [deciding, setDeciding] = useState<{ request: CareRequest; approve: boolean } | null>(null);
  const [decided, setDecided] = useState<string | null>(null);
  const page = result.data?.careHoursRequests;
  const requests = page?.edges.map((edge) =>
    readFragment(CareHoursRequestFieldsFragment, edge.node),
  );

  return (
    <section aria-labelledby="care-requests-title">
      <h2 id="care-requests-title">{t('careRequests.title')}</h2>
      <p className="muted">{t('careRequests.intro')}</p>
      <div className="field request-filter">
        <label htmlFor="care-request-filter">{t('careRequests.filter')}</label>
        <select
          id="care-request-filter"
          value={filter}
          onChange={(event) => setFilter(event.target.value as Filter)}
        >
          {statuses.map((status) => (
            <option key={status} value={status}>
              {t(`careRequests.statusFilter.${status}`)}
            </option>
          ))}
          <option value="all">{t('careRequests.statusFilter.all')}</option>
        </select>
      </div>
      <div role="status">{decided && <p className="notice notice--success">{decided}</p>}</div>
      <ErrorNotice error={result.error} />
      {!requests ? (
        !result.error && <Loading />
      ) : requests.length === 0 ? (
        <p className="muted">{t('careRequests.none')}</p>
      ) : (
        <>
          <ul className="list" data-testid="care-requests">
            {requests.map((request) => (
              <li key={request.id} className="card" data-testid="care-request">
                <div className="request-card__head">
                  <span className="card__title">
                    {t('careRequests.cardTitle', {
                      duration: format.duration(request.minutes),
                      code: request.productCode,
                    })}
                  </span>
                  <span className={`badge request-status request-status--${request.status}`}>
                    {t(`careRequests.status.${request.status}`)}
                  </span>
                </div>
                <dl className="facts request-facts">
                  <dt>{t('waivers.permit')}</dt>
                  <dd>
                    {request.productCode} · {request.addressLabel}
                  </dd>
                  <dt>{t('careRequests.requestedBy')}</dt>
                  <dd>{request.requestedBy}</dd>
                  <dt>{t('careRequests.requestedAt')}</dt>
                  <dd>{format.date(request.requestedAt)}</dd>
                  <dt>{t('careRequests.statement')}</dt>
                  <dd className="request-statement">{request.carerStatement}</dd>
                  {request.decisionReason && (
                    <>
                      <dt>{t('careRequests.reason')}</dt>
                      <dd className="request-statement">{request.decisionReason}</dd>
                    </>
                  )}
                  {request.decidedBy && request.decidedAt && (
                    <>
                      <dt>{t('careRequests.decidedBy')}</dt>
                      <dd>
                        {t('careRequests.byOn', {
                          who: request.decidedBy,
                          when: format.date(request.decidedAt),
                        })}
                      </dd>
                    </>
                  )}
                </dl>
                {request.status === 'pending' && (
                  <div className="actions">
                    <button
                      type="button"
                      className="button"
                      aria-label={t('careRequests.approveFor', { code: request.productCode })}
                      onClick={() => {
                        setDecided(null);
                        setDeciding({ request, approve: true });
                      }}
                    >
                      {t('careRequests.approve')}
                    </button>
                    <button
                      type="button"
                      className="button button--secondary"
                      aria-label={t('careRequests.refuseFor', { code: request.productCode })}
                      onClick={() => {
                        setDecided(null);
                        setDeciding({ request, approve: false });
                      }}
                    >
                      {t('careRequests.refuse')}
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ul>
          <p className="muted">
            {t('careRequests.shown', {
              shown: requests.length,
              total: page?.totalCount ?? requests.length,
            })}
          </p>
        </>
      )}
      {deciding && (
        <DecideDialog
          key={`${deciding.request.id} ${deciding.approve}`}
          request={deciding.request}
          approve={deciding.approve}
          onClose={(message) => {
            setDeciding(null);
            if (message) {
              setDecided(message);
              refetch({ requestPolicy: 'network-only' });
            }
          }}
        />
      )}
    </section>
  );
}

/** Approve or refuse with the reason the holder reads; an approval credits the hours once. */
function DecideDialog({
  request,
  approve,
  onClose,
}: {
  request: CareRequest;
  approve: boolean;
  onClose(decided: string | null): void;
}) {
  const { t } = useTranslation('admin-requests');
  const format = useFormats();
  const [state, decide] = useMutation(DecideCareHoursRequestMutation);
  // One key per decision: a retry after a lost answer does not grant twice.
  const key = useRef(crypto.randomUUID());
  const hours = format.duration(request.minutes);

  const send = async (reason: string) => {
    const result = await decide({
      input: { id: request.id, approve, reason, idempotencyKey: key.current },
    });
    const done = result.data?.decideCareHoursRequest;
    if (!done) {
      key.current = crypto.randomUUID();
      return result.error;
    }
    onClose(
      approve && done.balanceAfter !== null
        ? t('careRequests.approved', {
            duration: hours,
            code: request.productCode,
            balance: format.balance(done.balanceAfter, 'minutes'),
          })
        : t('careRequests.refused', { code: request.productCode }),
    );
    return undefined;
  };

  return (
    <ReasonDialog
      texts={{
        title: t(approve ? 'careRequests.approveTitle' : 'careRequests.refuseTitle', {
          duration: hours,
          code: request.productCode,
        }),
        confirm: t(approve ? 'careRequests.approve' : 'careRequests.refuse'),
        notDecided: t('careRequests.notDecided'),
        reasonLabel: t('careRequests.reasonLabel'),
        reasonHint: t('careRequests.reasonHint'),
        reasonRequired: t('careRequests.reasonRequired'),
      }}
      refuse={!approve}
      busy={state.fetching}
      context={`${request.productCode} · ${request.addressLabel}`}
      decide={send}
      onCancel={() => onClose(null)}
    />
  );
}
