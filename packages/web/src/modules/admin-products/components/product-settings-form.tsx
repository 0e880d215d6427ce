import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import type { LocalDate } from '@parkeer/domain/time/local-date';
import { readFragment } from '../../../app/graphql.js';
import { currentLanguage } from '../../../app/i18n.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import type { AmountUnit } from '../amounts.js';
import {
  AdminProductTypeFieldsFragment,
  UpdateProductSettingsMutation,
} from '../graphql/products.js';
import { problemsOf, type Problem } from '../problems.js';
import {
  draftOf,
  inputOf,
  newSessionDraft,
  newTopUpDraft,
  type ProductSettings,
  type SettingsDraft,
} from '../settings-draft.js';
import { Choice, Field, ProblemsContext } from './fields.js';
import { ProblemSummary } from './problem-summary.js';
import { SessionRules } from './session-rules.js';
import { TopUpRules } from './top-up-rules.js';

/**
 * Every setting of one product type in one form, saved as a whole: the API validates all of it
 * and either stores it or names each problem, which is then shown beside its field and in a
 * summary at the top (nothing is saved then).
 */
export function ProductSettingsForm({
  productId,
  product,
  zones,
  today,
}: {
  productId: string;
  product: ProductSettings;
  zones: readonly { code: string; name: string }[];
  today: LocalDate;
}) {
  const { t, i18n } = useTranslation('admin-products');
  const language = currentLanguage(i18n);
  const unit: AmountUnit | null = product.balanceUnit;
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(product, language, today));
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const [saved, setSaved] = useState(false);
  const [state, update] = useMutation(UpdateProductSettingsMutation);
  const summary = useRef<HTMLDivElement>(null);
  const [attempt, setAttempt] = useState(0);
  // After a refused save the summary takes the focus: the problems may be far down the page.
  useEffect(() => {
    if (attempt > 0 && problems.length > 0) summary.current?.focus();
  }, [attempt, problems]);

  const change = (edit: (draft: SettingsDraft) => void) => {
    setSaved(false);
    setDraft((current) => {
      const next = structuredClone(current);
      edit(next);
      return next;
    });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const { input, problems: unread } = inputOf(draft, unit);
    if (unread.length > 0) {
      setProblems(unread.map((p) => ({ path: p.path, message: t(`local.${p.reason}`) })));
      setAttempt((n) => n + 1);
      return;
    }
    const result = await update({ id: productId, input });
    const settings = result.data?.updateProductSettings;
    setProblems(problemsOf(result.error, language));
    setAttempt((n) => n + 1);
    if (!settings) return;
    setDraft(draftOf(readFragment(AdminProductTypeFieldsFragment, settings), language, today));
    setSaved(true);
  };

  const otherError = state.error && problems.length === 0 ? state.error : undefined;

  return (
    <ProblemsContext.Provider value={problems}>
      <form onSubmit={(event) => void submit(event)} noValidate data-testid="product-settings">
        <ProblemSummary ref={summary} problems={problems} />

        <section aria-labelledby="settings-names" className="card admin-products__section">
          <h2 id="settings-names">{t('form.names')}</h2>
          <div className="admin-products__row">
            <Field path="nameNl" label={t('paths.nameNl')}>
              <input
                value={draft.nameNl}
                lang="nl"
                autoComplete="off"
                onChange={(event) => change((d) => void (d.nameNl = event.target.value))}
              />
            </Field>
            <Field path="nameEn" label={t('paths.nameEn')}>
              <input
                value={draft.nameEn}
                lang="en"
                autoComplete="off"
                onChange={(event) => change((d) => void (d.nameEn = event.target.value))}
              />
            </Field>
          </div>
          <h2>{t('form.delegation')}</h2>
          <Choice
            type="checkbox"
            label={t('form.delegationAllowed')}
            checked={draft.delegationAllowed}
            onChange={(checked) => change((d) => void (d.delegationAllowed = checked))}
          />
        </section>

        {!unit ? (
          <p className="notice">{t('form.noBalance')}</p>
        ) : (
          <>
            <section aria-labelledby="settings-sessions" className="card admin-products__section">
              <h2 id="settings-sessions">{t('sessions.title')}</h2>
              <Choice
                type="checkbox"
                label={t('sessions.enabled')}
                checked={draft.sessions !== null}
                onChange={(checked) =>
                  change((d) => void (d.sessions = checked ? newSessionDraft() : null))
                }
              />
              {draft.sessions && (
                <SessionRules
                  draft={draft.sessions}
                  onChange={(edit) => change((d) => edit(d.sessions!))}
                />
              )}
            </section>

            <section aria-labelledby="settings-top-up" className="card admin-products__section">
              <h2 id="settings-top-up">{t('topUp.title')}</h2>
              <Choice
                type="checkbox"
                label={t('topUp.enabled')}
                checked={draft.topUp !== null}
                onChange={(checked) =>
                  change((d) => void (d.topUp = checked ? newTopUpDraft(unit) : null))
                }
              />
              {draft.topUp && (
                <TopUpRules
                  draft={draft.topUp}
                  unit={unit}
                  zones={zones}
                  today={today}
                  onChange={(edit) => change((d) => edit(d.topUp!))}
                />
              )}
            </section>
          </>
        )}

        <ErrorNotice error={otherError} />
        <div className="actions">
          <button type="submit" className="button" disabled={state.fetching}>
            {state.fetching ? t('form.saving') : t('form.save')}
          </button>
        </div>
        <div role="status">
          {saved && <p className="notice notice--success">{t('form.saved')}</p>}
        </div>
      </form>
    </ProblemsContext.Provider>
  );
}
