import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Field } from '../../../app/form/field.js';
import { Form } from '../../../app/form/form.js';
import { showServerProblems } from '../../../app/form/server-problems.js';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { readFragment } from '../../../app/graphql.js';
import { currentLanguage } from '../../../app/i18n.js';
import { Loading } from '../../../app/shell/loading.js';
import { ConfirmDialog } from '../../../app/ui/confirm-dialog.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { useFormats } from '../../../app/ui/format.js';
import { DecideFineWaiverMutation, FineWaiverFieldsFragment } from '../graphql/requests.js';
import { useFineWaivers, type FineWaiver, type WaiverStatus } from '../use-fine-waivers.js';
import { RefusalNotice } from './refusal-notice.js';
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
  const { t, i18n } = useTranslation('admin-requests');
  const id = useId();
  // The field takes the focus when the kit finds it empty (a dialog of one field: no summary).
  const form = useForm<{ reason: string }>({ defaultValues: { reason: '' } });
  const [placed, setPlaced] = useState(0);
  const [state, decide] = useMutation(DecideFineWaiverMutation);
  const refusal = state.error && placed === 0 ? state.error : null;

  const confirm = async ({ reason }: { reason: string }) => {
    const result = await decide({ id: waiver.id, approve, reason: reason.trim() });
    setPlaced(
      showServerProblems(result.error, currentLanguage(i18n), form.setError, (path) =>
        path === 'reason' ? 'reason' : null,
      ),
    );
    const done = result.data?.decideFineWaiver;
    if (done) onClose(readFragment(FineWaiverFieldsFragment, done));
  };

  return (
    <ConfirmDialog
      open
      title={t(approve ? 'waivers.approveTitle' : 'waivers.refuseTitle', {
        reference: waiver.fineReference,
      })}
      confirmLabel={t(approve ? 'waivers.approve' : 'waivers.refuse')}
      danger={!approve}
      busy={state.fetching}
      onConfirm={() => void form.handleSubmit(confirm)()}
      onCancel={() => onClose(null)}
    >
      <p className="muted">
        {waiver.productCode} · {waiver.addressLabel}
      </p>
      <Form form={form} onSubmit={confirm} id={`decide${id}`}>
        <RefusalNotice error={refusal} title={t('waivers.notDecided')} />
        <Field
          name="reason"
          label={t('waivers.reasonLabel')}
          hint={t('waivers.reasonHint')}
          required
          counter={2000}
        >
          {(control) => (
            <textarea
              {...control}
              {...form.register('reason', {
                validate: (value) => value.trim() !== '' || t('waivers.reasonRequired'),
              })}
              rows={3}
              maxLength={2000}
            />
          )}
        </Field>
      </Form>
    </ConfirmDialog>
  );
}
