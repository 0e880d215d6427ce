import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { holderTypes, type HolderType } from '@parkeer/shared/holder-type';
import type { ResultOf } from '../../../app/graphql.js';
import { currentLanguage } from '../../../app/i18n.js';
import { Loading } from '../../../app/shell/loading.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { problemsByPath } from '../../../app/errors.js';
import { IssueChoicesQuery, IssuePermitMutation } from '../graphql/permits.js';
import { todayInTown, validityOf } from '../permit-rules.js';
import { AddressLookup } from './address-lookup.js';
import '../admin-permits.css';

type Issued = ResultOf<typeof IssuePermitMutation>['issuePermit'] & { readonly email: string };

interface Draft {
  productType: string;
  zone: string;
  holderType: HolderType;
  addressKey: string;
  addressLabel: string;
  validFrom: string;
  validUntil: string;
  email: string;
}

const emptyDraft = (): Draft => ({
  productType: '',
  zone: '',
  holderType: 'resident',
  addressKey: '',
  addressLabel: '',
  validFrom: todayInTown(),
  validUntil: '',
  email: '',
});

/**
 * Issues a permit of one of the town's products to an address (until the permit counter does,
 * issue 6). The API mails the coupling link; the product code and PIN for the allocation
 * letter are shown here once, as only the PIN's hash is kept.
 */
export default function IssuePage() {
  const { t } = useTranslation('admin-permits');
  const [issued, setIssued] = useState<Issued | null>(null);
  // A fresh form each time: keyed by a counter, so 'issue another' starts empty.
  const [round, setRound] = useState(0);
  return (
    <section>
      <p>
        <Link to="/beheer/vergunningen">{t('issue.back')}</Link>
      </p>
      <h1>{t('issue.title')}</h1>
      {issued ? (
        <IssuedPanel
          issued={issued}
          onAnother={() => {
            setIssued(null);
            setRound((n) => n + 1);
          }}
        />
      ) : (
        <IssueForm key={round} onIssued={setIssued} />
      )}
    </section>
  );
}

function IssueForm({ onIssued }: { onIssued(issued: Issued): void }) {
  const { t, i18n } = useTranslation('admin-permits');
  const language = currentLanguage(i18n);
  const [choices] = useQuery({ query: IssueChoicesQuery });
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [fromMissing, setFromMissing] = useState(false);
  const [state, issue] = useMutation(IssuePermitMutation);
  const problems = problemsByPath(state.error, language);
  const set = (name: keyof Draft) => (value: string) =>
    setDraft((current) => ({ ...current, [name]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { validFrom, validUntil } = validityOf(draft.validFrom, draft.validUntil);
    setFromMissing(!validFrom);
    if (!validFrom) return;
    const result = await issue({
      input: {
        productType: draft.productType,
        zone: draft.zone,
        holderType: draft.holderType,
        addressKey: draft.addressKey,
        addressLabel: draft.addressLabel,
        validFrom,
        validUntil,
        email: draft.email,
      },
    });
    if (result.data) onIssued({ ...result.data.issuePermit, email: draft.email.trim() });
  };

  if (choices.error) return <ErrorNotice error={choices.error} />;
  if (!choices.data) return <Loading />;
  const { adminProductTypes: products, adminZones: zones } = choices.data;
  const errorOf = (name: keyof Draft) => {
    if (name === 'validFrom' && fromMissing) return t('issue.validFromMissing');
    const problem = problems.get(name);
    // Nothing chosen reads better as that than as the API's 'no such product/zone'.
    if (problem && draft[name] === '' && (name === 'productType' || name === 'zone')) {
      return t(`issue.chooseMissing.${name}`);
    }
    return problem;
  };

  const field = (name: keyof Draft, control: (props: ControlProps) => ReactNode, hint?: string) => {
    const id = `issue-${name}`;
    const error = errorOf(name);
    const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : '']
      .filter(Boolean)
      .join(' ');
    return (
      <div className="field">
        <label htmlFor={id}>{t(`issue.fields.${name}`)}</label>
        {control({
          id,
          value: draft[name],
          onChange: (event) => set(name)(event.target.value),
          'aria-invalid': error ? true : undefined,
          'aria-describedby': described || undefined,
        })}
        {hint && (
          <span id={`${id}-hint`} className="field__hint">
            {hint}
          </span>
        )}
        {error && (
          <span id={`${id}-error`} className="field__error">
            {error}
          </span>
        )}
      </div>
    );
  };
  const text =
    (type: string, extra: Record<string, unknown> = {}) =>
    (props: ControlProps) => <input type={type} autoComplete="off" {...extra} {...props} />;

  return (
    <form className="card admin-permits__form" onSubmit={(event) => void submit(event)} noValidate>
      <p className="muted">{t('issue.intro')}</p>
      {field('productType', (props) => (
        <select {...props}>
          <option value="">{t('issue.choose')}</option>
          {products.map((product) => (
            <option key={product.id} value={product.code}>
              {language === 'en' ? product.nameEn : product.nameNl}
            </option>
          ))}
        </select>
      ))}
      {field('zone', (props) => (
        <select {...props}>
          <option value="">{t('issue.choose')}</option>
          {zones.map((zone) => (
            <option key={zone.id} value={zone.code}>
              {zone.code} · {zone.name}
            </option>
          ))}
        </select>
      ))}
      {field('holderType', (props) => (
        <select {...props}>
          {holderTypes.map((type) => (
            <option key={type} value={type}>
              {t(`holderTypes.${type}`)}
            </option>
          ))}
        </select>
      ))}
      <AddressLookup
        onChange={(address) =>
          setDraft((current) => ({
            ...current,
            addressKey: address?.key ?? '',
            addressLabel: address?.label ?? '',
            // The zone the address lies in; the admin may still choose another.
            zone: address?.zoneCode ?? current.zone,
          }))
        }
        error={
          draft.addressKey === '' && (problems.has('addressKey') || problems.has('addressLabel'))
            ? t('issue.address.missing')
            : (problems.get('addressKey') ?? problems.get('addressLabel'))
        }
      />
      <div className="admin-permits__dates">
        {field('validFrom', text('date'))}
        {field('validUntil', text('date'), t('issue.validUntilHint'))}
      </div>
      {field('email', text('email', { inputMode: 'email', maxLength: 254 }), t('issue.emailHint'))}
      {problems.size > 0 ? (
        <p className="notice notice--error" role="alert">
          {t('issue.checkFields')}
        </p>
      ) : (
        <ErrorNotice error={state.error} />
      )}
      <button type="submit" className="button" disabled={state.fetching}>
        {t('issue.submit')}
      </button>
    </form>
  );
}

interface ControlProps {
  id: string;
  value: string;
  onChange(event: { target: { value: string } }): void;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/** The letter's code and PIN, shown this once, and where the coupling mail went. */
function IssuedPanel({ issued, onAnother }: { issued: Issued; onAnother(): void }) {
  const { t } = useTranslation('admin-permits');
  const heading = useRef<HTMLHeadingElement>(null);
  // Keyboard and screen reader users land on the outcome, not on the vanished form's button.
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="notice notice--success admin-permits__issued" role="status">
      <h2 ref={heading} tabIndex={-1}>
        {t('issue.done', {
          product: issued.permit.productName,
          address: issued.permit.addressLabel,
        })}
      </h2>
      <dl className="facts admin-permits__letter" data-testid="issued-letter">
        <dt>{t('fields.productCode')}</dt>
        <dd data-testid="issued-code">{issued.productCode}</dd>
        <dt>{t('issue.pin')}</dt>
        <dd data-testid="issued-pin">{issued.pin}</dd>
      </dl>
      <p>
        <strong>{t('issue.pinOnce')}</strong>
      </p>
      <p>{t('issue.mailSent', { email: issued.email })}</p>
      <div className="actions">
        <Link className="button" to={`/beheer/vergunningen/${issued.permit.id}`}>
          {t('issue.open')}
        </Link>
        <button type="button" className="button button--secondary" onClick={onAnother}>
          {t('issue.another')}
        </button>
      </div>
    </div>
  );
}
