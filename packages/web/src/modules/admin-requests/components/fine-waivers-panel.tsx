import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { readFragment } from '../../../app/graphql.js';
import { Loading } from '../../../app/shell/loading.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { useFormats } from '../../../app/ui/format.js';
import { DecideFineWaiverMutation, FineWaiverFieldsFragment } from '../graphql/requests.js';
import { useFineWaivers, type FineWaiver, type WaiverStatus } from '../use-fine-waivers.js';
import { ReasonDialog } from './reason-dialog.js';
import { FineWaiverForm } from './fine-waiver-form.js';

const statuses = ['pending', 'approved', 'refused'] as const satisfies readonly WaiverStatus[];
type Filter = WaiverStatus | 'all';

/**
 * Goodwill fine waivers: the town's requests by status (pending first: the work to do), a form
 * to record a new one, and a decision with a reason for each pending request.
 */
export function FineWaiversPanel() {
  const { t } = useTranslation('admin-requests');
  const [filter, setFilter] = useState<Filter>('pending');
  const list = useFineWaivers(filter === 'all' ? null : filter);
  const [deciding, setDeciding] = useState<{ waiver: FineWaiver; approve: boolean } | null>(null);
  const [decided, setDecided] = useState<FineWaiver | null>(null);

  return (
    <section aria-labelledby="waivers-title">
      <h2 id="waivers-title">{t('waivers.title')}</h2>
      <p className="muted">{t('waivers.intro')}</p>
      <FineWaiverForm onRecorded={list.restart} />

      <h3 id="waivers-list">{t('waivers.listTitle')}</h3>
      <div className="field request-filter">
        <label htmlFor="waiver-filter">{t('waivers.filter')}</label>
        <select
          id="waiver-filter"
          value={filter}
          onChange={(event) => setFilter(event.target.value as Filter)}
        >
          {statuses.map((status) => (
            <option key={status} value={status}>
              {t(`waivers.statusFilter.${status}`)}
            </option>
          ))}
          <option value="all">{t('waivers.statusFilter.all')}</option>
        </select>
      </div>
      <div role="status">
        {decided && (
          <p className="notice notice--success">
            {t(`waivers.decided.${decided.status}`, { reference: decided.fineReference })}
          </p>
        )}
      </div>
      <ErrorNotice error={list.error} />
      {list.waivers.length === 0 ? (
        list.loading ? (
          <Loading />
        ) : (
          !list.error && <p className="muted">{t('waivers.none')}</p>
        )
      ) : (
        <>
          <ul className="list" aria-labelledby="waivers-list" data-testid="fine-waivers">
            {list.waivers.map((waiver) => (
              <li key={waiver.id} className="card" data-testid="fine-waiver">
                <WaiverCard
                  waiver={waiver}
                  onDecide={(approve) => {
                    setDecided(null);
                    setDeciding({ waiver, approve });
                  }}
                />
              </li>
            ))}
          </ul>
          <p className="muted" aria-live="polite">
            {t('waivers.shown', {
              shown: list.waivers.length,
              total: list.totalCount ?? list.waivers.length,
            })}
          </p>
          {list.loading && <Loading />}
          {list.hasMore && (
            <div className="actions">
              <button type="button" className="button button--secondary" onClick={list.showMore}>
                {t('waivers.showMore')}
              </button>
            </div>
          )}
        </>
      )}
      {deciding && (
        <DecideDialog
          key={`${deciding.waiver.id} ${deciding.approve}`}
          waiver={deciding.waiver}
          approve={deciding.approve}
          onClose={(done) => {
            setDeciding(null);
            if (done) {
              setDecided(done);
              list.restart();
            }
          }}
        />
      )}
    </section>
  );
}

/**
 * The officer's check the fine was recorded against (docs/rules.md §9 fines): when and where,
 * the answer the officer got, and an outage over that moment, recorded then or since.
 */
function FineCheckFacts({ check }: { check: FineWaiver['fineCheck'] }) {
  const { t } = useTranslation('admin-requests');
  const format = useFormats();
  if (!check) {
    return (
      <>
        <dt>{t('waivers.check.title')}</dt>
        <dd data-testid="fine-check">{t('waivers.check.unknown')}</dd>
      </>
    );
  }
  const { outage } = check;
  return (
    <>
      <dt>{t('waivers.check.title')}</dt>
      <dd data-testid="fine-check">
        {t('waivers.check.where', {
          when: format.dateTime(check.checkedFor),
          zone: check.zoneCode,
          zoneName: check.zoneName,
        })}
      </dd>
      <dt>{t('waivers.check.answer')}</dt>
      <dd>
        {check.valid
          ? t('waivers.check.valid')
          : t(check.mayFine ? 'waivers.check.mayFine' : 'waivers.check.noFine')}
      </dd>
      <dt>{t('waivers.check.outage')}</dt>
      <dd className={outage ? 'request-check__outage' : undefined}>
        {outage
          ? t(
              new Date(outage.recordedAt) > new Date(check.checkedAt)
                ? 'waivers.check.outageLater'
                : 'waivers.check.outageThen',
              {
                start: format.dateTime(outage.start),
                end: format.time(outage.end),
                recorded: format.dateTime(outage.recordedAt),
              },
            )
          : t('waivers.check.noOutage')}
      </dd>
    </>
  );
}

function WaiverCard({
  waiver,
  onDecide,
}: {
  waiver: FineWaiver;
  onDecide(approve: boolean): void;
}) {
  const { t } = useTranslation('admin-requests');
  const format = useFormats();
  return (
    <>
      <div className="request-card__head">
        <span className="card__title">{waiver.fineReference}</span>
        <span className={`badge request-status request-status--${waiver.status}`}>
          {t(`waivers.status.${waiver.status}`)}
        </span>
      </div>
      <dl className="facts request-facts">
        <dt>{t('waivers.permit')}</dt>
        <dd>
          {waiver.productCode} · {waiver.addressLabel}
        </dd>
        <dt>{t('waivers.fineDate')}</dt>
        <dd>{format.date(`${waiver.fineDate}T12:00:00Z`)}</dd>
        <dt>{t('waivers.requestedAt')}</dt>
        <dd>{format.date(waiver.requestedAt)}</dd>
        <dt>{t(waiver.filedByHolder ? 'waivers.filedBy' : 'waivers.recordedBy')}</dt>
        <dd>{waiver.recordedBy}</dd>
        {waiver.plate && (
          <>
            <dt>{t('waivers.plate')}</dt>
            <dd>{waiver.plate}</dd>
          </>
        )}
        <FineCheckFacts check={waiver.fineCheck} />
        {waiver.holderReason && (
          <>
            <dt>{t('waivers.holderReason')}</dt>
            <dd className="request-statement">{waiver.holderReason}</dd>
          </>
        )}
        {waiver.decisionReason && (
          <>
            <dt>{t('waivers.reason')}</dt>
            <dd className="request-statement">{waiver.decisionReason}</dd>
          </>
        )}
        {waiver.decidedBy && waiver.decidedAt && (
          <>
            <dt>{t('waivers.decidedBy')}</dt>
            <dd>
              {t('waivers.byOn', { who: waiver.decidedBy, when: format.date(waiver.decidedAt) })}
            </dd>
          </>
        )}
      </dl>
      {waiver.status === 'pending' && (
        <div className="actions">
          <button
            type="button"
            className="button"
            aria-label={t('waivers.approveFor', { reference: waiver.fineReference })}
            onClick={() => onDecide(true)}
          >
            {t('waivers.approve')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            aria-label={t('waivers.refuseFor', { reference: waiver.fineReference })}
            onClick={() => onDecide(false)}
          >
            {t('waivers.refuse')}
          </button>
        </div>
      )}
    </>
  );
}

/** Approve or refuse, with the reason the holder will read; it cannot be changed afterwards. */
function DecideDialog({
  waiver,
  approve,
  onClose,
}: {
  waiver: FineWaiver;
  approve: boolean;
  onClose(decided: FineWaiver | null): void;
}) {
  const { t } = useTranslation('admin-requests');
  const [state, decide] = useMutation(DecideFineWaiverMutation);

  const send = async (reason: string) => {
    const result = await decide({ id: waiver.id, approve, reason });
    const done = result.data?.decideFineWaiver;
    if (done) onClose(readFragment(FineWaiverFieldsFragment, done));
    return result.error;
  };

  return (
    <ReasonDialog
      texts={{
        title: t(approve ? 'waivers.approveTitle' : 'waivers.refuseTitle', {
          reference: waiver.fineReference,
        }),
        confirm: t(approve ? 'waivers.approve' : 'waivers.refuse'),
        notDecided: t('waivers.notDecided'),
        reasonLabel: t('waivers.reasonLabel'),
        reasonHint: t('waivers.reasonHint'),
        reasonRequired: t('waivers.reasonRequired'),
      }}
      refuse={!approve}
      busy={state.fetching}
      context={`${waiver.productCode} · ${waiver.addressLabel}`}
      decide={send}
      onCancel={() => onClose(null)}
    />
  );
}
