import { useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { Loading } from '../../../app/shell/loading.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { useFormats } from '../../../app/ui/format.js';
import '../counter.css';
import { CounterPermitQuery } from '../graphql/counter.js';
import { useLetterPolling } from '../hooks/use-letter-polling.js';
import { EndPermitForm } from './end-permit-form.js';
import { LetterLinks } from './letter-links.js';
import { NewPinSection } from './new-pin-section.js';
import { PermitFacts, PermitStatus, type CounterPermit } from './permit-facts.js';
import { PlateChangeForm } from './plate-change-form.js';

/**
 * One permit from the counter (docs/rules.md §1, the permit counter): renew it, change its plate
 * (the fee shown first), end it (the refund shown first, asked once more), its letters and its
 * renewals and changes.
 */
export default function PermitPage() {
  const { t } = useTranslation('counter');
  const format = useFormats();
  const { permitId = '' } = useParams();
  const [result, refetch] = useQuery({ query: CounterPermitQuery, variables: { id: permitId } });
  const [done, setDone] = useState<string[]>([]);
  const [open, setOpen] = useState({ plate: false, end: false });
  const permit = result.data?.counterPermit;
  const askAgain = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  // A change's letter is made a moment after the change: it turns into a link without a reload.
  useLetterPolling(permit?.letters, result.fetching, askAgain);

  const reload = (messages: string[]) => {
    setDone(messages);
    refetch({ requestPolicy: 'network-only' });
  };

  if (result.error && !permit) {
    return (
      <section className="counter">
        <ErrorNotice error={result.error} />
        <p>
          <Link to="/vergunningen">{t('permit.back')}</Link>
        </p>
      </section>
    );
  }
  if (!permit) return <Loading />;
  return (
    <section className="counter">
      <h1>{permit.productName}</h1>
      <PermitStatus status={permit.status} />
      <div role="status">
        {done.length > 0 && (
          <div className="notice notice--success" data-testid="permit-done">
            {done.map((message) => (
              <p key={message}>{message}</p>
            ))}
          </div>
        )}
      </div>
      <section className="card" aria-label={permit.productName}>
        <PermitFacts permit={permit} />
      </section>
      <RenewSection permit={permit} />
      {permit.canChangePlate && permit.plates.length > 0 && (
        <Disclosure
          id="permit-plate"
          title={t('permit.plate.title')}
          open={open.plate}
          onToggle={(on) => setOpen({ ...open, plate: on })}
          summary={
            permit.plateChangeFeeCents > 0
              ? t('permit.plate.fee', { fee: format.money(permit.plateChangeFeeCents) })
              : t('permit.plate.free')
          }
        >
          <PlateChangeForm
            permitId={permit.id}
            currentPlates={permit.plates}
            feeCents={permit.plateChangeFeeCents}
            onChanged={(plate) => {
              setOpen({ ...open, plate: false });
              reload([t('permit.plate.changed', { plate })]);
            }}
          />
        </Disclosure>
      )}
      {permit.canEnd && (
        <Disclosure
          id="permit-end"
          title={t('permit.end.title')}
          open={open.end}
          onToggle={(on) => setOpen({ ...open, end: on })}
          summary={
            permit.refundIfEndedNowCents > 0
              ? t('permit.end.refundNow', { refund: format.money(permit.refundIfEndedNowCents) })
              : t('permit.end.noRefund')
          }
        >
          <EndPermitForm
            permitId={permit.id}
            refundIfEndedNowCents={permit.refundIfEndedNowCents}
            onEnded={(refundCents) => {
              setOpen({ plate: false, end: false });
              reload([
                t('permit.end.ended'),
                ...(refundCents > 0
                  ? [t('permit.end.refunded', { refund: format.money(refundCents) })]
                  : []),
              ]);
            }}
          />
        </Disclosure>
      )}
      {permit.kind === 'visitorPermit' && permit.status === 'active' && (
        <NewPinSection permitId={permit.id} />
      )}
      <section className="card" aria-labelledby="permit-letters-title">
        <h2 id="permit-letters-title" className="card__title">
          {t('letters.title')}
        </h2>
        <LetterLinks letters={permit.letters} />
      </section>
      <History permit={permit} />
      <p>
        <Link to="/vergunningen">{t('permit.back')}</Link>
      </p>
    </section>
  );
}

/** Renewing: possible now (with the link), or from when. */
function RenewSection({ permit }: { permit: CounterPermit }) {
  const { t } = useTranslation('counter');
  const format = useFormats();
  if (!permit.canRenew && !permit.renewableFrom) return null;
  return (
    <section className="card" aria-labelledby="permit-renew-title">
      <h2 id="permit-renew-title" className="card__title">
        {t('permit.renew.title')}
      </h2>
      {permit.canRenew ? (
        <>
          <p>{t('permits.renewNow')}</p>
          <div className="actions">
            <Link className="button" to={`/vergunningen/${permit.id}/verlengen`}>
              {t('permit.renew.link')}
            </Link>
          </div>
        </>
      ) : (
        <p className="muted">
          {t('permits.renewFrom', { date: format.date(permit.renewableFrom!) })}
        </p>
      )}
    </section>
  );
}

/** The permit's renewals and plate changes, newest first, each with its status and amount. */
function History({ permit }: { permit: CounterPermit }) {
  const { t } = useTranslation('counter');
  const format = useFormats();
  const rows = [...permit.applications].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <section className="card" aria-labelledby="permit-history-title">
      <h2 id="permit-history-title" className="card__title">
        {t('permit.history.title')}
      </h2>
      {rows.length === 0 ? (
        <p className="muted">{t('permit.history.none')}</p>
      ) : (
        <ul className="counter__history" data-testid="permit-history">
          {rows.map((application) => (
            <li key={application.id}>
              <Link to={`/loket/aanvraag/${application.id}`}>
                {t('permit.history.row', {
                  kind: t(`applicationKind.${application.kind}`),
                  date: format.date(application.createdAt),
                  status: t(`applicationStatus.${application.status}`),
                })}
              </Link>
              {application.totalCents > 0 && (
                <span className="muted"> · {format.money(application.totalCents)}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * A change to the permit behind its button: the page shows what can be done, and one form at a
 * time when asked (a short page on a phone).
 */
function Disclosure({
  id,
  title,
  open,
  onToggle,
  summary,
  children,
}: {
  id: string;
  title: string;
  open: boolean;
  onToggle(open: boolean): void;
  /** What it costs or gives back, said while the form is closed. */
  summary: string;
  children: ReactNode;
}) {
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="card__title">
        <button
          type="button"
          className="counter__disclosure"
          aria-expanded={open}
          aria-controls={`${id}-body`}
          onClick={() => onToggle(!open)}
        >
          {title}
        </button>
      </h2>
      {!open && <p className="muted">{summary}</p>}
      <div id={`${id}-body`} hidden={!open}>
        {open && children}
      </div>
    </section>
  );
}
