import { useMemo, useState } from 'react';
import { useForm, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import type { Language } from '@parkeer/shared/language';
import { domainSchema } from '../../../app/form/domain-schema.js';
import { ErrorSummary } from '../../../app/form/error-summary.js';
import { Field } from '../../../app/form/field.js';
import { Form } from '../../../app/form/form.js';
import { standardResolver } from '../../../app/form/resolver.js';
import { showServerProblems } from '../../../app/form/server-problems.js';
import { SubmitButton } from '../../../app/form/submit-button.js';
import { readFragment, type ResultOf } from '../../../app/graphql.js';
import { currentLanguage } from '../../../app/i18n.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import {
  emissionFuels,
  emissionProblems,
  fieldOfEmissionPath,
  inputOfRule,
  ruleOfValues,
  valuesOfRule,
  type EmissionRuleFields,
  type EmissionValues,
} from '../emission-form.js';
import { AdminZoneFieldsFragment, SetZoneEmissionRuleMutation } from '../graphql/zones.js';

type RuleInput = Partial<EmissionRuleFields> | null;

/** validateZoneEmissionRule (docs/rules.md §2 emission rule) in the browser, the API's words. */
const emissionSchema = (language: Language) =>
  domainSchema<EmissionValues, RuleInput>(
    { problems: emissionProblems, output: (values) => inputOfRule(ruleOfValues(values)) },
    language,
  );

/**
 * A zone's emission rule: the lowest Euro class per fuel for a permit with a plate. Saving with
 * every field empty removes the rule; the API records each change in the audit log.
 */
export function EmissionRuleForm({ zone }: { zone: ResultOf<typeof AdminZoneFieldsFragment> }) {
  const { t, i18n } = useTranslation('admin-zones');
  const language = currentLanguage(i18n);
  const resolver = useMemo(() => standardResolver(emissionSchema(language)), [language]);
  const form = useForm<EmissionValues, unknown, RuleInput>({
    defaultValues: valuesOfRule(zone.emissionRule),
    resolver,
  });
  const [state, save] = useMutation(SetZoneEmissionRuleMutation);
  const [placed, setPlaced] = useState(0);
  const [saved, setSaved] = useState<'saved' | 'removed' | null>(null);

  const submit = async (rule: RuleInput) => {
    setSaved(null);
    const result = await save({ id: zone.id, rule });
    setPlaced(showServerProblems(result.error, language, form.setError, fieldOfEmissionPath));
    const stored = result.data?.setZoneEmissionRule;
    if (stored) {
      const { emissionRule } = readFragment(AdminZoneFieldsFragment, stored);
      form.reset(valuesOfRule(emissionRule));
      setSaved(emissionRule ? 'saved' : 'removed');
    }
  };

  return (
    <Form form={form} onSubmit={submit} id="emission" aria-labelledby="emission-title">
      <h2 id="emission-title">{t('emission.title')}</h2>
      <p className="muted">{t('emission.intro')}</p>
      <CurrentRule rule={zone.emissionRule} />
      <ErrorSummary />
      {placed === 0 && <ErrorNotice error={state.error} />}
      <div className="admin-zones__emission">
        {emissionFuels.map((fuel) => (
          <EuroClassField key={fuel} fuel={fuel} />
        ))}
      </div>
      <div role="status">
        {saved && <p className="notice notice--success">{t(`emission.${saved}`)}</p>}
      </div>
      <SubmitButton busy={state.fetching}>{t('emission.submit')}</SubmitButton>
    </Form>
  );
}

function CurrentRule({ rule }: { rule: Partial<EmissionRuleFields> | null | undefined }) {
  const { t } = useTranslation('admin-zones');
  const parts = emissionFuels.flatMap((fuel) => {
    const euroClass = rule?.[fuel];
    return euroClass == null
      ? []
      : [t('emission.minimum', { fuel: t(`emission.fuels.${fuel}`), euroClass })];
  });
  return (
    <p data-testid="emission-current">
      {parts.length === 0 ? t('emission.none') : t('emission.current', { rule: parts.join(', ') })}
    </p>
  );
}

function EuroClassField({ fuel }: { fuel: (typeof emissionFuels)[number] }) {
  const { t } = useTranslation('admin-zones');
  const { register } = useFormContext<EmissionValues>();
  return (
    <Field
      name={fuel}
      label={t('emission.label', { fuel: t(`emission.fuels.${fuel}`) })}
      hint={t('emission.hint')}
    >
      {(control) => (
        <input
          {...control}
          {...register(fuel)}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          className="admin-zones__euro"
          maxLength={2}
        />
      )}
    </Field>
  );
}
