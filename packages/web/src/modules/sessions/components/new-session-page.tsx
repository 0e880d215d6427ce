import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { CombinedError } from '@urql/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { errorMessage } from '@parkeer/shared/messages/error-catalogue';
import { readFragment } from '../../../app/graphql.js';
import { currentLanguage } from '../../../app/i18n.js';
import { Loading } from '../../../app/shell/loading.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { fromLocalInput, toLocalInput } from '../../../app/ui/local-time.js';
import { homeCountry } from '../../favorites/countries.js';
import { ProductCardFragment } from '../../products/graphql/products.js';
import {
  PlateChoicesQuery,
  ProductDetailQuery,
  QuoteFields,
  SessionItemFragment,
  SessionsQuery,
  StartSessionMutation,
} from '../graphql/sessions.js';
import { previewSession, type Preview } from '../preview.js';
import { PlateField } from './plate-field.js';
import { ProductHeader } from './product-header.js';
import { QuoteView } from './quote-view.js';

/** What the API said no to, with the alternative it offers. */
interface Refusal {
  readonly message: string;
  readonly proposal: { start: string; end: string; planned: boolean } | null;
  readonly proposalView: Extract<Preview, { ok: true }> | null;
}

/**
 * A new session: the plate (favorites and recent plates to pick from), now or later, an end
 * (the product's default unless chosen), the cost computed live by @parkeer/domain with the
 * product's own rules, then confirm. A refusal says why and offers what the rules allow.
 */
export default function NewSessionPage() {
  const { t, i18n } = useTranslation('sessions');
  const language = currentLanguage(i18n);
  const navigate = useNavigate();
  const { productId = '' } = useParams();
  const [product] = useQuery({ query: ProductDetailQuery, variables: { id: productId } });
  const detail = product.data?.product;
  const card = detail ? readFragment(ProductCardFragment, detail) : null;
  const [sessions] = useQuery({ query: SessionsQuery, variables: { productId } });
  const [choices] = useQuery({
    query: PlateChoicesQuery,
    variables: { permitId: productId, owner: card?.isOwner ?? false },
    pause: !card,
  });
  const [plate, setPlate] = useState('');
  const [country, setCountry] = useState(homeCountry);
  const [startsLater, setStartsLater] = useState(false);
  const [startInput, setStartInput] = useState('');
  const [endInput, setEndInput] = useState('');
  const [now, setNow] = useState(() => new Date());
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [starting, start] = useMutation(StartSessionMutation);
  // The last request's error, until the resident changes the request: then it no longer applies.
  const [failure, setFailure] = useState<CombinedError | null>(null);
  const problem = useRef<HTMLDivElement>(null);
  // On a phone the submit button is far below the top: what went wrong is brought into view and
  // focused, so neither eyes nor a screen reader miss it.
  useEffect(() => {
    if (!refusal && !failure) return;
    problem.current?.scrollIntoView({ block: 'center' });
    problem.current?.focus({ preventScroll: true });
  }, [refusal, failure]);
  const edited = () => setFailure(null);

  // The preview follows the clock: 'now' moves on while the form is open.
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(timer);
  }, []);

  const start_ = startsLater ? fromLocalInput(startInput) : null;
  const end = fromLocalInput(endInput);
  const open = useMemo(
    () =>
      [...(sessions.data?.sessions.running ?? []), ...(sessions.data?.sessions.planned ?? [])].map(
        (session) => readFragment(SessionItemFragment, session),
      ),
    [sessions.data],
  );
  const preview =
    detail?.rules && card?.balance && plate.trim()
      ? previewSession({
          rules: detail.rules,
          now,
          balance: card.balance.amount,
          unit: card.balance.unit,
          sessions: open,
          delegationPlate: detail.delegationPlate ?? null,
          plate,
          country,
          start: start_,
          end,
          language,
        })
      : null;

  if (product.error) return <ErrorNotice error={product.error} />;
  if (!detail || !card) return <Loading />;

  const request = async (times: { start: string | null; end: string | null }) => {
    setRefusal(null);
    setFailure(null);
    const result = await start({
      input: {
        productId,
        plate,
        country,
        start: times.start,
        end: times.end,
        idempotencyKey: crypto.randomUUID(),
      },
    });
    setFailure(result.error ?? null);
    const outcome = result.data?.startSession;
    if (outcome?.__typename === 'SessionAccepted') {
      await navigate(`/producten/${productId}`, {
        state: { notice: outcome.session.status === 'planned' ? 'planned' : 'started' },
      });
    } else if (outcome?.__typename === 'SessionRefused') {
      const proposal = outcome.proposal ? readFragment(QuoteFields, outcome.proposal) : null;
      setRefusal({
        message: outcome.message,
        proposal: proposal
          ? { start: proposal.start, end: proposal.end, planned: proposal.planned }
          : null,
        proposalView: proposal
          ? {
              ok: true,
              plate: proposal.formattedPlate,
              country,
              start: new Date(proposal.start),
              end: new Date(proposal.end),
              paidMinutes: proposal.paidMinutes,
              cost: proposal.cost,
              reservation: proposal.reservation,
              unit: proposal.unit,
              planned: proposal.planned,
              runsToZero: proposal.runsToZero,
              coveredUntil: new Date(proposal.coveredUntil),
            }
          : null,
      });
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void request({
      start: start_ ? start_.toISOString() : null,
      end: end ? end.toISOString() : null,
    });
  };

  return (
    <section>
      <ProductHeader product={detail} />
      <h2>{t('new.title')}</h2>
      {refusal ? (
        <div
          ref={problem}
          tabIndex={-1}
          className="notice notice--warning"
          role="alert"
          data-testid="refusal"
        >
          <h3>{t('new.refusedTitle')}</h3>
          <p>{refusal.message}</p>
          {refusal.proposalView && refusal.proposal && (
            <>
              <p>{t('new.proposalIntro')}</p>
              <QuoteView preview={refusal.proposalView} />
              <div className="actions">
                <button
                  type="button"
                  className="button"
                  disabled={starting.fetching}
                  onClick={() =>
                    void request({
                      // A proposal that starts now is asked for without a start (docs/rules.md §5).
                      start: refusal.proposal!.planned ? refusal.proposal!.start : null,
                      end: refusal.proposal!.end,
                    })
                  }
                >
                  {t('new.acceptProposal')}
                </button>
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => setRefusal(null)}
                >
                  {t('new.changeRequest')}
                </button>
              </div>
            </>
          )}
          {!refusal.proposal && (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setRefusal(null)}
            >
              {t('new.changeRequest')}
            </button>
          )}
        </div>
      ) : (
        <form onSubmit={submit} noValidate>
          <PlateField
            value={plate}
            country={country}
            onChange={(nextPlate, nextCountry) => {
              edited();
              setPlate(nextPlate);
              setCountry(nextCountry);
            }}
            favorites={choices.data?.favorites ?? []}
            recent={choices.data?.recentPlates ?? []}
          />
          <fieldset className="field">
            <legend>{t('new.when')}</legend>
            <div className="field field--inline">
              <input
                id="starts-now"
                type="radio"
                name="when"
                checked={!startsLater}
                onChange={() => {
                  edited();
                  setStartsLater(false);
                }}
              />
              <label htmlFor="starts-now">{t('new.now')}</label>
            </div>
            <div className="field field--inline">
              <input
                id="starts-later"
                type="radio"
                name="when"
                checked={startsLater}
                onChange={() => {
                  edited();
                  setStartsLater(true);
                  if (!startInput) setStartInput(toLocalInput(new Date(now.getTime() + 3600_000)));
                }}
              />
              <label htmlFor="starts-later">{t('new.later')}</label>
            </div>
            {startsLater && (
              <div className="field">
                <label htmlFor="session-start">{t('new.start')}</label>
                <input
                  id="session-start"
                  type="datetime-local"
                  value={startInput}
                  onChange={(event) => {
                    edited();
                    setStartInput(event.target.value);
                  }}
                />
              </div>
            )}
          </fieldset>
          <div className="field">
            <label htmlFor="session-end">{t('new.end')}</label>
            <input
              id="session-end"
              type="datetime-local"
              value={endInput}
              onChange={(event) => {
                edited();
                setEndInput(event.target.value);
              }}
              aria-describedby="session-end-hint"
            />
            <span id="session-end-hint" className="field__hint">
              {t('new.endHint')}
            </span>
          </div>
          <div aria-live="polite">
            {preview?.ok === true && <QuoteView preview={preview} testId="preview" />}
            {/* The API's answer to the same request says it once, below. */}
            {preview?.ok === false && !failure && (
              <p className="notice notice--warning" data-testid="preview-refusal">
                {errorMessage(preview.reason, language, preview.params)}
              </p>
            )}
          </div>
          <div ref={problem} tabIndex={-1} data-testid="start-error">
            <ErrorNotice error={failure} />
          </div>
          <button
            type="submit"
            className="button button--block"
            disabled={!plate.trim() || starting.fetching}
          >
            {startsLater ? t('new.confirmPlanned') : t('new.confirm')}
          </button>
        </form>
      )}
    </section>
  );
}
