import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { currentLanguage } from '../../../app/i18n.js';
import { Loading } from '../../../app/shell/loading.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { parseCount } from '../amounts.js';
import { MunicipalitySettingsQuery, SetRetentionMutation } from '../graphql/products.js';
import { problemsOf, type Problem } from '../problems.js';
import { Field, ProblemsContext } from './fields.js';
import '../admin-products.css';

const kinds = ['hoursAfterEnd', 'weeksAfterEnd'] as const;
type Kind = (typeof kinds)[number];

/** The town's own settings: how long plates of ended sessions are kept (docs/rules.md §8). */
export default function TownSettingsPage() {
  const { t } = useTranslation('admin-products');
  const [{ data, error }] = useQuery({ query: MunicipalitySettingsQuery });
  const town = data?.municipalitySettings;
  return (
    <section>
      <h1>{t('town.title')}</h1>
      <ErrorNotice error={error} />
      {!town ? !error && <Loading /> : <RetentionForm stored={town.retention} />}
    </section>
  );
}

/** The retention period, starting from the stored one. */
function RetentionForm({ stored }: { stored: { kind: string; amount: number } }) {
  const { t, i18n } = useTranslation('admin-products');
  const language = currentLanguage(i18n);
  const [kind, setKind] = useState<Kind>(
    stored.kind === 'weeksAfterEnd' ? 'weeksAfterEnd' : 'hoursAfterEnd',
  );
  const [amount, setAmount] = useState(String(stored.amount));
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const [saved, setSaved] = useState(false);
  const [state, save] = useMutation(SetRetentionMutation);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const count = parseCount(amount);
    if (count == null) {
      setProblems([
        {
          path: 'retention.amount',
          message: t(count === null ? 'local.required' : 'local.notAWholeNumber'),
        },
      ]);
      return;
    }
    const result = await save({ input: { kind, amount: count } });
    setProblems(problemsOf(result.error, language));
    if (result.data) setSaved(true);
  };

  return (
    <ProblemsContext.Provider value={problems}>
      <form
        className="card admin-products__section"
        onSubmit={(event) => void submit(event)}
        noValidate
        aria-labelledby="retention-title"
      >
        <h2 id="retention-title">{t('town.retentionTitle')}</h2>
        <p className="muted">{t('town.retentionIntro')}</p>
        <div className="admin-products__row">
          <Field path="retention.kind" label={t('town.kind')}>
            <select
              value={kind}
              onChange={(event) => {
                setSaved(false);
                setKind(event.target.value as Kind);
              }}
            >
              {kinds.map((value) => (
                <option key={value} value={value}>
                  {t(`town.kinds.${value}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field
            path="retention.amount"
            label={t('town.amount')}
            hint={t(`town.amountHint.${kind}`)}
          >
            <input
              type="text"
              inputMode="numeric"
              className="admin-products__short"
              value={amount}
              onChange={(event) => {
                setSaved(false);
                setAmount(event.target.value);
              }}
            />
          </Field>
        </div>
        {problems.length === 0 && <ErrorNotice error={state.error} />}
        <div className="actions">
          <button type="submit" className="button" disabled={state.fetching}>
            {t('town.save')}
          </button>
        </div>
        <div role="status">
          {saved && <p className="notice notice--success">{t('town.saved')}</p>}
        </div>
      </form>
    </ProblemsContext.Provider>
  );
}
