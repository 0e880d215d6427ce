import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { currentLanguage } from '../../../app/i18n.js';
import { Loading } from '../../../app/shell/loading.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { problemsByPath } from '../../../app/errors.js';
import '../../admin-zones/admin-zones.css';
import { CreateMunicipalityMutation, MunicipalitiesQuery } from '../graphql/municipalities.js';

/** The platform's towns, and a new one: its admins then set up zones, products and tariffs. */
export default function MunicipalitiesPage() {
  const { t } = useTranslation('admin-platform');
  const [towns, refetch] = useQuery({ query: MunicipalitiesQuery });
  const list = towns.data?.municipalities;
  return (
    <section>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <ErrorNotice error={towns.error} />
      {!list ? (
        !towns.error && <Loading />
      ) : (
        <ul className="list" aria-label={t('title')}>
          {list.map((town) => (
            <li key={town.id} className="card">
              <span className="card__title">{town.name}</span>
              <p className="muted admin-zones__card-detail">
                {t('details', {
                  code: town.code,
                  retention: t(`retention.${town.retention.kind}`, {
                    count: town.retention.amount,
                  }),
                })}
              </p>
            </li>
          ))}
        </ul>
      )}
      <NewMunicipalityForm onCreated={() => refetch({ requestPolicy: 'network-only' })} />
    </section>
  );
}

function NewMunicipalityForm({ onCreated }: { onCreated(): void }) {
  const { t, i18n } = useTranslation('admin-platform');
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState('weeksAfterEnd');
  const [amount, setAmount] = useState('13');
  const [created, setCreated] = useState<string | null>(null);
  const [state, create] = useMutation(CreateMunicipalityMutation);
  const problems = problemsByPath(state.error, currentLanguage(i18n));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setCreated(null);
    const result = await create({
      input: { code, name, retention: { kind, amount: Number(amount) } },
    });
    if (result.data) {
      setCreated(result.data.createMunicipality.name);
      setCode('');
      setName('');
      onCreated();
    }
  };

  const error = (path: string, id: string) =>
    problems.get(path) && (
      <span id={`${id}-error`} className="field__error">
        {problems.get(path)}
      </span>
    );
  const invalid = (path: string, id: string) =>
    problems.has(path) ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {};

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="new-town-title">
      <h2 id="new-town-title">{t('new.title')}</h2>
      {problems.size === 0 && <ErrorNotice error={state.error} />}
      <div className="field">
        <label htmlFor="town-name">{t('new.name')}</label>
        <input
          id="town-name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          {...invalid('name', 'town-name')}
        />
        {error('name', 'town-name')}
      </div>
      <div className="field">
        <label htmlFor="town-code">{t('new.code')}</label>
        <input
          id="town-code"
          value={code}
          autoCapitalize="none"
          spellCheck={false}
          aria-describedby="town-code-hint"
          onChange={(e) => setCode(e.target.value)}
          {...invalid('code', 'town-code')}
        />
        <span id="town-code-hint" className="field__hint">
          {t('new.codeHint')}
        </span>
        {error('code', 'town-code')}
      </div>
      <div className="field">
        <label htmlFor="town-retention-kind">{t('new.retentionKind')}</label>
        <select id="town-retention-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
          <option value="hoursAfterEnd">{t('new.hours')}</option>
          <option value="weeksAfterEnd">{t('new.weeks')}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="town-retention-amount">{t('new.retentionAmount')}</label>
        <input
          id="town-retention-amount"
          type="number"
          min={1}
          inputMode="numeric"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          {...invalid('retention.amount', 'town-retention-amount')}
        />
        {error('retention.amount', 'town-retention-amount')}
      </div>
      <div role="status">
        {created && <p className="notice notice--success">{t('new.created', { name: created })}</p>}
      </div>
      <button className="button" type="submit" disabled={state.fetching}>
        {t('new.submit')}
      </button>
    </form>
  );
}
