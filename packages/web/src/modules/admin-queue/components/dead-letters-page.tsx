import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { Loading } from '../../../app/shell/loading.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { useFormats } from '../../../app/ui/format.js';
import { DeadLetteredJobsQuery, RetryDeadLetteredJobMutation } from '../graphql/dead-letters.js';

/**
 * The work queue's dead letter: work that failed its last allowed attempt, for the platform's
 * admin to look into and put back once the cause is fixed (docs/operations.md, "The work queue").
 * A mail shows its subject line and a masked recipient only.
 */
export default function DeadLettersPage() {
  const { t } = useTranslation('admin-queue');
  const formats = useFormats();
  const [jobs, refetch] = useQuery({ query: DeadLetteredJobsQuery });
  const [retry, retryJob] = useMutation(RetryDeadLetteredJobMutation);
  const [retried, setRetried] = useState<string | null>(null);
  const list = jobs.data?.deadLetteredJobs;

  const onRetry = async (id: string, label: string) => {
    setRetried(null);
    const result = await retryJob({ id });
    if (result.data) setRetried(label);
    // Also after NOT_FOUND: someone else retried it, and the list should say so.
    refetch({ requestPolicy: 'network-only' });
  };

  return (
    <section>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <ErrorNotice error={jobs.error ?? retry.error} />
      <div role="status">
        {retried && <p className="notice notice--success">{t('retried', { subject: retried })}</p>}
      </div>
      {!list ? (
        !jobs.error && <Loading />
      ) : list.length === 0 ? (
        <p className="muted">{t('empty')}</p>
      ) : (
        <ul className="list" aria-label={t('title')}>
          {list.map((job) => {
            const kind = t(`kinds.${job.kind}`);
            const label = job.recipient ? `${job.subject} (${job.recipient})` : job.subject;
            return (
              <li key={job.id} className="card">
                <h2 className="card__title">{kind}</h2>
                <dl className="facts">
                  <dt>{t('subject')}</dt>
                  <dd>{job.subject}</dd>
                  {job.recipient && (
                    <>
                      <dt>{t('recipient')}</dt>
                      <dd>{job.recipient}</dd>
                    </>
                  )}
                  <dt>{t('attempts')}</dt>
                  <dd>{job.attempts}</dd>
                  <dt>{t('lastError')}</dt>
                  <dd>{job.lastError ? <code>{job.lastError}</code> : t('noError')}</dd>
                  <dt>{t('deadAt')}</dt>
                  <dd>
                    {job.deadAt && (
                      <time dateTime={job.deadAt}>
                        {formats.date(job.deadAt)} {formats.time(job.deadAt)}
                      </time>
                    )}
                  </dd>
                </dl>
                <div className="actions">
                  <button
                    type="button"
                    className="button"
                    disabled={retry.fetching}
                    aria-label={t('retryLabel', { kind, subject: label })}
                    onClick={() => void onRetry(job.id, label)}
                  >
                    {t('retry')}
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
