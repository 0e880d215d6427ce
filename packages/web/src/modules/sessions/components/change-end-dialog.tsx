import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { errorMessage } from '@parkeer/shared/messages/error-catalogue';
import { readFragment, type FragmentOf, type ResultOf } from '../../../app/graphql.js';
import { currentLanguage } from '../../../app/i18n.js';
import { ConfirmDialog } from '../../../app/ui/confirm-dialog.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { useFormats } from '../../../app/ui/format.js';
import { fromLocalInput, toLocalInput } from '../../../app/ui/local-time.js';
import { ProductCardFragment } from '../../products/graphql/products.js';
import {
  ChangeSessionEndMutation,
  ProductDetailQuery,
  QuoteFields,
  SessionItemFragment,
  SessionsQuery,
} from '../graphql/sessions.js';
import { previewChangeEnd } from '../preview.js';
import { QuoteView } from './quote-view.js';

/** What the preview of a new end needs: the product (rules, balance) and its open sessions. */
export interface ChangeGround {
  readonly product: NonNullable<ResultOf<typeof ProductDetailQuery>['product']>;
  readonly sessions: readonly FragmentOf<typeof SessionItemFragment>[];
}

/**
 * Extends or shortens a session, with the new cost and what is reserved or released shown before
 * confirming (computed by the domain as the start's preview is); a refusal says why and may offer
 * an end that is allowed.
 */
export function ChangeEndDialog({
  session,
  plate,
  ground,
  onDone,
  onCancel,
}: {
  session: FragmentOf<typeof SessionItemFragment>;
  /** Given by a page that has it; otherwise fetched when the dialog opens. */
  ground?: ChangeGround;
  plate: string;
  onDone(end: string): void;
  onCancel(): void;
}) {
  const { t, i18n } = useTranslation('sessions');
  const language = currentLanguage(i18n);
  const format = useFormats();
  const item = readFragment(SessionItemFragment, session);
  const [value, setValue] = useState(toLocalInput(new Date(item.end)));
  const [state, change] = useMutation(ChangeSessionEndMutation);
  const [refusal, setRefusal] = useState<{ message: string; proposedEnd: string | null } | null>(
    null,
  );
  // Not the page's own queries: this dialog's unmount would tear down the page's refetch of them.
  const [product] = useQuery({
    query: ProductDetailQuery,
    variables: { id: item.permitId },
    pause: !!ground,
  });
  const [sessions] = useQuery({
    query: SessionsQuery,
    variables: { permitId: item.permitId },
    pause: !!ground,
  });
  const detail = ground?.product ?? product.data?.product;
  const card = detail ? readFragment(ProductCardFragment, detail) : null;
  const fetched = sessions.data?.sessions;
  const list = ground?.sessions ?? (fetched && [...fetched.running, ...fetched.planned]);
  const end = fromLocalInput(value);
  const preview =
    detail?.rules && card?.balance && list && end
      ? previewChangeEnd({
          rules: detail.rules,
          now: new Date(),
          balance: card.balance.amount,
          unit: card.balance.unit,
          session: item,
          sessions: list.map((other) => readFragment(SessionItemFragment, other)),
          delegationPlate: detail.delegationPlate ?? null,
          end,
        })
      : null;

  const submit = async (requested: string) => {
    const result = await change({
      input: { sessionId: item.id, end: requested, idempotencyKey: crypto.randomUUID() },
    });
    const outcome = result.data?.changeSessionEnd;
    if (outcome?.__typename === 'SessionAccepted') return onDone(outcome.session.end);
    if (outcome?.__typename === 'SessionRefused') {
      const proposal = outcome.proposal ? readFragment(QuoteFields, outcome.proposal) : null;
      setRefusal({ message: outcome.message, proposedEnd: proposal?.end ?? null });
    }
  };

  return (
    <ConfirmDialog
      open
      title={t('changeEnd.title', { plate })}
      confirmLabel={t('changeEnd.confirm')}
      busy={state.fetching || !end}
      onConfirm={() => end && void submit(end.toISOString())}
      onCancel={onCancel}
    >
      <div className="field">
        <label htmlFor={`end-${item.id}`}>{t('changeEnd.newEnd')}</label>
        <input
          id={`end-${item.id}`}
          type="datetime-local"
          value={value}
          onChange={(event) => {
            setValue(event.target.value);
            setRefusal(null);
          }}
        />
      </div>
      <div aria-live="polite">
        {preview?.ok === true && (
          <>
            <QuoteView preview={preview} testId="change-preview" />
            {preview.change !== 0 && (
              <p data-testid="change-preview-balance">
                {preview.change > 0
                  ? t('changeEnd.reservesMore', {
                      amount: format.balance(preview.change, preview.unit),
                    })
                  : t('changeEnd.releases', {
                      amount: format.balance(-preview.change, preview.unit),
                    })}
              </p>
            )}
          </>
        )}
        {preview?.ok === false && (
          <p className="notice notice--warning" data-testid="change-preview-refusal">
            {errorMessage(preview.reason, language, preview.params)}
          </p>
        )}
      </div>
      <ErrorNotice error={state.error} />
      {refusal && (
        <div className="notice notice--warning" role="alert">
          <p>{refusal.message}</p>
          {refusal.proposedEnd && (
            <button
              type="button"
              className="button"
              onClick={() => void submit(refusal.proposedEnd!)}
            >
              {t('changeEnd.acceptProposal', { end: format.dateTime(refusal.proposedEnd) })}
            </button>
          )}
        </div>
      )}
    </ConfirmDialog>
  );
}
