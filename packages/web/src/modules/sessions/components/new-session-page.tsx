import { useEffect, useMemo, useRef, useState } from 'react';
import type { CombinedError } from '@urql/core';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { errorMessage } from '@parkeer/shared/messages/error-catalogue';
import { domainSchema } from '../../../app/form/domain-schema.js';
import { ErrorSummary } from '../../../app/form/error-summary.js';
import { Field, FieldGroup } from '../../../app/form/field.js';
import { Form } from '../../../app/form/form.js';
import { standardResolver } from '../../../app/form/resolver.js';
import { SubmitButton } from '../../../app/form/submit-button.js';
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
import { PlateField, plateCheck, type PlateValues } from './plate-field.js';
import { ProductHeader } from './product-header.js';
import { QuoteView } from './quote-view.js';

interface SessionValues extends PlateValues {
  when: 'now' | 'later';
  /** `datetime-local` texts; an empty end is the product's default. */
  start: string;
  end: string;
}

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
  const [sessions] = useQuery({
    query: SessionsQuery,
    variables: { permitId: productId },
  });
  const [choices] = useQuery({
    query: PlateChoicesQuery,
    variables: { permitId: productId, owner: card?.isOwner ?? false },
    pause: !card,
  });
  // The plate is read by the domain's parser before anything is sent (docs/rules.md §5).
  const schema = useMemo(() => domainSchema(plateCheck<SessionValues>(), language), [language]);
  const form = useForm<SessionValues>({
    defaultValues: { plate: '', country: homeCountry, when: 'now', start: '', end: '' },
    resolver: standardResolver(schema),
    shouldFocusError: false,
  });
  const { plate, country, when, start: startInput, end: endInput } = form.watch();
  const startsLater = when === 'later';
  // The plate's own error stands beside it already: the preview does not say it a second time.
  const plateRefused = Boolean(form.formState.errors.plate ?? form.formState.errors.country);
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
  // Any change makes a new request: the answer to the one before no longer applies.
  useEffect(() => {
    const watching = form.watch(() => setFailure(null));
    return () => watching.unsubscribe();
  }, [form]);

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
        permitId: productId,
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

  // Later: the start is an hour from now until chosen otherwise.
  const whenControl = form.register('when', {
    onChange: (event: { target: { value: string } }) => {
      if (event.target.value === 'later' && !form.getValues('start')) {
        form.setValue('start', toLocalInput(new Date(now.getTime() + 3600_000)));
      }
    },
  });

  const submit = async () => {
    await request({
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
        <Form form={form} onSubmit={submit} id="session">
          <ErrorSummary />
          <PlateField
            favorites={choices.data?.favorites ?? []}
            recent={choices.data?.recentPlates ?? []}
          />
          <FieldGroup name="when" legend={t('new.when')} className="field">
            <div className="field field--inline">
              <input id="starts-now" type="radio" value="now" {...whenControl} />
              <label htmlFor="starts-now">{t('new.now')}</label>
            </div>
            <div className="field field--inline">
              <input id="starts-later" type="radio" value="later" {...whenControl} />
              <label htmlFor="starts-later">{t('new.later')}</label>
            </div>
            {startsLater && <Field name="start" type="datetime-local" label={t('new.start')} />}
          </FieldGroup>
          <Field name="end" type="datetime-local" label={t('new.end')} hint={t('new.endHint')} />
          <div aria-live="polite">
            {preview?.ok === true && <QuoteView preview={preview} testId="preview" />}
            {/* The API's answer to the same request says it once, below. */}
            {preview?.ok === false && !failure && !plateRefused && (
              <p className="notice notice--warning" data-testid="preview-refusal">
                {errorMessage(preview.reason, language, preview.params)}
              </p>
            )}
          </div>
          <div ref={problem} tabIndex={-1} data-testid="start-error">
            <ErrorNotice error={failure} />
          </div>
          <SubmitButton busy={starting.fetching} className="button button--block">
            {startsLater ? t('new.confirmPlanned') : t('new.confirm')}
          </SubmitButton>
        </Form>
      )}
    </section>
  );
}
