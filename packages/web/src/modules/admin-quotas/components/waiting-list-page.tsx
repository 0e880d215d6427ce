import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { Field } from '../../../app/form/field.js';
import { Form } from '../../../app/form/form.js';
import { Loading } from '../../../app/shell/loading.js';
import { ConfirmDialog } from '../../../app/ui/confirm-dialog.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { useFormats } from '../../../app/ui/format.js';
import {
  MoveEntryMutation,
  OfferEntryMutation,
  RemoveEntryMutation,
  WaitingListQuery,
} from '../graphql/quotas.js';
import '../admin-quotas.css';
import { useQuotaStrings } from '../strings.js';

/**
 * One waiting list (docs/rules.md §2 quotas): the open offers with their deadlines, then those
 * waiting in order; an official moves one up or down, offers a place now (only while one is
 * free) or takes one off the list with a reason. Every step is in the audit log.
 */
export default function WaitingListPage() {
  return useQuotaStrings() ? <WaitingList /> : <Loading />;
}

/** The last day an offer may be paid: its deadline is the midnight after it. */
const lastDayOf = (deadline: string) => new Date(new Date(deadline).getTime() - 1);

function WaitingList() {
  const { t } = useTranslation('admin-quotas');
  const format = useFormats();
  const { zoneId = '', productTypeId = '' } = useParams();
  const [result, refetch] = useQuery({
    query: WaitingListQuery,
    variables: { zoneId, productTypeId },
    requestPolicy: 'cache-and-network',
  });
  const [moved, move] = useMutation(MoveEntryMutation);
  const [offered, offer] = useMutation(OfferEntryMutation);
  const [removed, remove] = useMutation(RemoveEntryMutation);
  const [removing, setRemoving] = useState<{ id: string; address: string } | null>(null);
  const [error, setError] = useState<CombinedError | null>(null);
  const busy = moved.fetching || offered.fetching || removed.fetching;

  const after = (answer: { error?: CombinedError }) => {
    setError(answer.error ?? null);
    refetch({ requestPolicy: 'network-only' });
  };

  if (!result.data) return result.error ? <ErrorNotice error={result.error} /> : <Loading />;
  const entries = result.data.waitingList;
  const quota = result.data.adminQuotas.find(
    (candidate) => candidate.zoneId === zoneId && candidate.productTypeId === productTypeId,
  );
  const waiting = entries.filter((entry) => entry.position !== null).length;

  return (
    <section className="admin-quotas">
      <p>
        <Link to="/beheer/wachtlijsten">{t('list.back')}</Link>
      </p>
      <h1>
        {quota
          ? t('table.listOf', { product: quota.productName, zone: quota.zoneCode })
          : t('list.title')}
      </h1>
      {quota && (
        <p className="muted" data-testid="quota-summary">
          {t('list.summary', { limit: quota.limit, taken: quota.taken, waiting: quota.waiting })}
        </p>
      )}
      <ErrorNotice error={error} />
      {entries.length === 0 ? (
        <p className="muted" role="status">
          {t('list.empty')}
        </p>
      ) : (
        <ol className="list" aria-label={t('list.caption')}>
          {entries.map((entry) => {
            const address = entry.addressLabel;
            const position = entry.position;
            return (
              <li key={entry.applicationId} className="card" data-testid="waiting-entry">
                <dl className="facts">
                  <dt>{t('list.position')}</dt>
                  <dd>{position ?? '–'}</dd>
                  <dt>{t('list.address')}</dt>
                  <dd>{address}</dd>
                  <dt>{t('list.joined')}</dt>
                  <dd>{format.date(entry.joinedAt)}</dd>
                  <dt>{t('list.status')}</dt>
                  <dd>
                    {entry.offerExpiresAt
                      ? t('list.offered', {
                          lastDay: format.date(lastDayOf(entry.offerExpiresAt)),
                        })
                      : t('list.waitlisted')}
                  </dd>
                </dl>
                <div className="admin-quotas__actions">
                  {position !== null && position > 1 && (
                    <button
                      type="button"
                      className="button button--secondary"
                      aria-label={t('list.upLabel', { address })}
                      aria-disabled={busy || undefined}
                      onClick={() =>
                        !busy &&
                        void move({
                          applicationId: entry.applicationId,
                          position: position - 1,
                        }).then(after)
                      }
                    >
                      {t('list.up')}
                    </button>
                  )}
                  {position !== null && position < waiting && (
                    <button
                      type="button"
                      className="button button--secondary"
                      aria-label={t('list.downLabel', { address })}
                      aria-disabled={busy || undefined}
                      onClick={() =>
                        !busy &&
                        void move({
                          applicationId: entry.applicationId,
                          position: position + 1,
                        }).then(after)
                      }
                    >
                      {t('list.down')}
                    </button>
                  )}
                  {position !== null && (
                    <button
                      type="button"
                      className="button button--secondary"
                      aria-label={t('list.offerLabel', { address })}
                      aria-disabled={busy || undefined}
                      onClick={() =>
                        !busy && void offer({ applicationId: entry.applicationId }).then(after)
                      }
                    >
                      {t('list.offer')}
                    </button>
                  )}
                  <button
                    type="button"
                    className="button button--danger"
                    aria-label={t('list.removeLabel', { address })}
                    onClick={() => setRemoving({ id: entry.applicationId, address })}
                  >
                    {t('list.remove')}
                  </button>
                </div>
              </li>
            );
          })}
        </ol>
      )}
      {removing && (
        <RemoveDialog
          address={removing.address}
          busy={removed.fetching}
          onCancel={() => setRemoving(null)}
          onRemove={async (reason) => {
            const answer = await remove({ applicationId: removing.id, reason });
            if (!answer.error) setRemoving(null);
            after(answer);
          }}
        />
      )}
    </section>
  );
}

/** The reason the applicant reads, asked before an entry leaves the list. */
function RemoveDialog({
  address,
  busy,
  onCancel,
  onRemove,
}: {
  address: string;
  busy: boolean;
  onCancel(): void;
  onRemove(reason: string): Promise<void>;
}) {
  const { t } = useTranslation('admin-quotas');
  const form = useForm<{ reason: string }>({ defaultValues: { reason: '' } });
  const confirm = async ({ reason }: { reason: string }) => {
    if (reason.trim() === '') {
      form.setError('reason', { type: 'required', message: t('list.reasonHint') });
      return;
    }
    await onRemove(reason.trim());
  };
  return (
    <ConfirmDialog
      open
      title={t('list.removeTitle')}
      confirmLabel={t('list.removeConfirm')}
      danger
      busy={busy}
      onConfirm={() => void form.handleSubmit(confirm)()}
      onCancel={onCancel}
    >
      <p className="muted">{address}</p>
      <Form form={form} onSubmit={confirm} id="remove-entry">
        <Field
          name="reason"
          label={t('list.reason')}
          hint={t('list.reasonHint')}
          required
          counter={2000}
        >
          {(control) => <textarea {...control} {...form.register('reason')} rows={3} />}
        </Field>
      </Form>
    </ConfirmDialog>
  );
}
