import { useMemo, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import type { CombinedError } from '@urql/core';
import type { TopUpPolicy } from '@parkeer/domain/balance/top-up-policy';
import type { LocalDate } from '@parkeer/domain/time/local-date';
import { ErrorSummary } from '../../../app/form/error-summary.js';
import { Field } from '../../../app/form/field.js';
import { Form } from '../../../app/form/form.js';
import { standardResolver } from '../../../app/form/resolver.js';
import { showServerProblems } from '../../../app/form/server-problems.js';
import { SubmitButton } from '../../../app/form/submit-button.js';
import { readFragment } from '../../../app/graphql.js';
import { currentLanguage } from '../../../app/i18n.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import type { AmountUnit } from '../amounts.js';
import {
  AdminProductTypeFieldsFragment,
  UpdateProductSettingsMutation,
} from '../graphql/products.js';
import {
  draftOf,
  listsPlates,
  newCounterDraft,
  newSessionDraft,
  newTopUpDraft,
  type ProductSettings,
  type SettingsDraft,
  type SettingsInput,
  zonesSettable,
} from '../settings-draft.js';
import { settingsSchema } from '../settings-schema.js';
import { Choice } from './choice.js';
import { CounterRules } from './counter-rules.js';
import { ApplicantRules } from './applicant-rules.js';
import { ScopeRules } from './scope-rules.js';
import { SessionRules } from './session-rules.js';
import { TopUpRules } from './top-up-rules.js';

/**
 * Every setting of one product type in one form on the form kit, saved as a whole. The domain's
 * session and top-up rules run in the browser first; the API checks all of it again and either
 * stores it or names each problem. Either way a problem is shown beside its field and in the
 * kit's summary at the top (nothing is saved then). The form holds the typed text (the draft);
 * its fields are named by the API's paths (`topUpPolicy.cap.limit`), where problems are.
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
  const schema = useMemo(
    () =>
      settingsSchema(
        {
          unit,
          zoneCodes: zones.map((zone) => zone.code),
          today,
          previous: product.topUpPolicy as unknown as TopUpPolicy | null,
          listsPlates: listsPlates(product.kind),
          zonesSettable: zonesSettable(product.kind),
          onePerAddress: product.onePerAddress ?? false,
        },
        language,
        (reason) => t(`local.${reason}`),
      ),
    [unit, zones, today, product.topUpPolicy, product.kind, product.onePerAddress, language, t],
  );
  const form = useForm<SettingsDraft, unknown, SettingsInput>({
    defaultValues: draftOf(product, language, today),
    resolver: standardResolver(schema),
    shouldFocusError: false,
  });
  const draft = useWatch({ control: form.control }) as SettingsDraft;
  const [saved, setSaved] = useState(false);
  const [failure, setFailure] = useState<CombinedError | undefined>();
  const [, update] = useMutation(UpdateProductSettingsMutation);

  // The rules' parts edit a copy of the draft, which then replaces the form's values.
  const change = (edit: (draft: SettingsDraft) => void) => {
    setSaved(false);
    const next = structuredClone(form.getValues());
    edit(next);
    for (const key of Object.keys(next) as (keyof SettingsDraft)[]) {
      form.setValue(key, next[key]);
    }
  };

  const submit = async (input: SettingsInput) => {
    setSaved(false);
    setFailure(undefined);
    const result = await update({ id: productId, input });
    const settings = result.data?.updateProductSettings;
    if (!settings) {
      if (showServerProblems(result.error, language, form.setError) === 0) {
        setFailure(result.error);
      }
      return;
    }
    form.reset(draftOf(readFragment(AdminProductTypeFieldsFragment, settings), language, today));
    setSaved(true);
  };

  return (
    <Form form={form} onSubmit={submit} id="settings" data-testid="product-settings">
      <ErrorSummary />

      <section aria-labelledby="settings-names" className="card admin-products__section">
        <h2 id="settings-names">{t('form.names')}</h2>
        <div className="admin-products__row">
          <Field name="nameNl" label={t('paths.nameNl')}>
            {(control) => (
              <input {...control} {...form.register('nameNl')} lang="nl" autoComplete="off" />
            )}
          </Field>
          <Field name="nameEn" label={t('paths.nameEn')}>
            {(control) => (
              <input {...control} {...form.register('nameEn')} lang="en" autoComplete="off" />
            )}
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

      {draft.applicants && (
        <section aria-labelledby="settings-applicants" className="card admin-products__section">
          <h2 id="settings-applicants">{t('applicants.title')}</h2>
          <ApplicantRules
            draft={draft.applicants}
            onChange={(edit) => change((d) => edit(d.applicants!))}
          />
        </section>
      )}

      <section aria-labelledby="settings-counter" className="card admin-products__section">
        <h2 id="settings-counter">{t('counterTitle')}</h2>
        <Choice
          type="checkbox"
          label={t('counterEnabled')}
          checked={draft.counter !== null}
          onChange={(checked) =>
            change((d) => void (d.counter = checked ? newCounterDraft() : null))
          }
        />
        {draft.counter && (
          <CounterRules
            draft={draft.counter}
            onChange={(edit) => change((d) => edit(d.counter!))}
          />
        )}
      </section>

      {draft.scope && (
        <section aria-labelledby="settings-scope" className="card admin-products__section">
          <h2 id="settings-scope">{t('scope.title')}</h2>
          <ScopeRules
            draft={draft.scope}
            zones={zones}
            zonesSettable={zonesSettable(product.kind)}
            onChange={(edit) => change((d) => edit(d.scope!))}
          />
        </section>
      )}

      <ErrorNotice error={failure} />
      <div className="actions">
        <SubmitButton>{t('form.save')}</SubmitButton>
      </div>
      <div role="status">
        {saved && <p className="notice notice--success">{t('form.saved')}</p>}
      </div>
    </Form>
  );
}
