import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { holderTypes, type HolderType } from '@parkeer/shared/holder-type';
import { ErrorSummary } from '../../../app/form/error-summary.js';
import { Field } from '../../../app/form/field.js';
import { Form } from '../../../app/form/form.js';
import { fieldName, pathSegments } from '../../../app/form/paths.js';
import { showServerProblems } from '../../../app/form/server-problems.js';
import { SubmitButton } from '../../../app/form/submit-button.js';
import type { ResultOf } from '../../../app/graphql.js';
import { currentLanguage } from '../../../app/i18n.js';
import { Loading } from '../../../app/shell/loading.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { IssueChoicesQuery, IssuePermitMutation } from '../graphql/permits.js';
import { todayInTown, validityOf } from '../permit-rules.js';
import { AddressLookup } from './address-lookup.js';
import '../admin-permits.css';
import { usePermitStrings } from '../strings.js';

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
  return usePermitStrings() ? <Issue /> : <Loading />;
}

function Issue() {
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
  const form = useForm<Draft>({ defaultValues: emptyDraft(), shouldFocusError: false });
  const [placed, setPlaced] = useState(0);
  const [state, issue] = useMutation(IssuePermitMutation);

  const submit = async (draft: Draft) => {
    const { validFrom, validUntil } = validityOf(draft.validFrom, draft.validUntil);
    if (!validFrom) return;
    const result = await issue({ input: { ...draft, validFrom, validUntil } });
    const count = showServerProblems(result.error, language, form.setError, (path) =>
      path === 'addressLabel' ? 'addressKey' : fieldName(pathSegments(path)),
    );
    setPlaced(count);
    // Nothing chosen reads better as that than as the API's 'no such product/zone/address'.
    for (const name of ['productType', 'zone'] as const) {
      if (draft[name] === '' && form.getFieldState(name).error) {
        form.setError(name, { type: 'server', message: t(`issue.chooseMissing.${name}`) });
      }
    }
    if (draft.addressKey === '' && form.getFieldState('addressKey').error) {
      form.setError('addressKey', { type: 'server', message: t('issue.address.missing') });
    }
    if (result.data) onIssued({ ...result.data.issuePermit, email: draft.email.trim() });
  };

  if (choices.error) return <ErrorNotice error={choices.error} />;
  if (!choices.data) return <Loading />;
  const { adminProductTypes: products, adminZones: zones } = choices.data;

  return (
    <Form form={form} onSubmit={submit} id="issue" className="card admin-permits__form">
      <p className="muted">{t('issue.intro')}</p>
      <ErrorSummary />
      <Field name="productType" label={t('issue.fields.productType')} required>
        {(control) => (
          <select {...control} {...form.register('productType')}>
            <option value="">{t('issue.choose')}</option>
            {products.map((product) => (
              <option key={product.id} value={product.code}>
                {language === 'en' ? product.nameEn : product.nameNl}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="zone" label={t('issue.fields.zone')} required>
        {(control) => (
          <select {...control} {...form.register('zone')}>
            <option value="">{t('issue.choose')}</option>
            {zones.map((zone) => (
              <option key={zone.id} value={zone.code}>
                {zone.code} · {zone.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="holderType" label={t('issue.fields.holderType')}>
        {(control) => (
          <select {...control} {...form.register('holderType')}>
            {holderTypes.map((type) => (
              <option key={type} value={type}>
                {t(`holderTypes.${type}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <AddressLookup
        onChange={(address) => {
          form.setValue('addressKey', address?.key ?? '');
          form.setValue('addressLabel', address?.label ?? '');
          if (address) form.clearErrors('addressKey');
          // The zone the address lies in; the admin may still choose another.
          if (address?.zoneCode) form.setValue('zone', address.zoneCode);
        }}
        error={form.formState.errors.addressKey?.message}
      />
      <div className="admin-permits__dates">
        <Field name="validFrom" label={t('issue.fields.validFrom')} required>
          {(control) => (
            <input
              {...control}
              {...form.register('validFrom', {
                validate: (value) =>
                  validityOf(value, '').validFrom !== null || t('issue.validFromMissing'),
              })}
              type="date"
            />
          )}
        </Field>
        <Field
          name="validUntil"
          label={t('issue.fields.validUntil')}
          hint={t('issue.validUntilHint')}
          type="date"
        />
      </div>
      <Field name="email" label={t('issue.fields.email')} hint={t('issue.emailHint')} required>
        {(control) => (
          <input
            {...control}
            {...form.register('email')}
            type="email"
            inputMode="email"
            autoComplete="off"
            maxLength={254}
          />
        )}
      </Field>
      {placed > 0 ? (
        <p className="notice notice--error" role="alert">
          {t('issue.checkFields')}
        </p>
      ) : (
        <ErrorNotice error={state.error} />
      )}
      <SubmitButton busy={state.fetching}>{t('issue.submit')}</SubmitButton>
    </Form>
  );
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
