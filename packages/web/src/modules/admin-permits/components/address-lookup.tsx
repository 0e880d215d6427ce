import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from 'urql';
import type { ResultOf } from '../../../app/graphql.js';
import { currentLanguage } from '../../../app/i18n.js';
import { problemsByPath } from '../../../app/errors.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { FindAddressQuery } from '../graphql/permits.js';
import type { CombinedError } from 'urql';

export type FoundAddress = NonNullable<ResultOf<typeof FindAddressQuery>['findAddress']>;

type Outcome =
  | { readonly kind: 'idle' }
  | { readonly kind: 'found'; readonly address: FoundAddress }
  | { readonly kind: 'notFound' }
  | { readonly kind: 'failed'; readonly error: CombinedError };

/**
 * Finds the address a permit is issued to by postcode and house number, among the addresses the
 * town knows (docs/rules.md §2); what it finds (or nothing, after an edit) goes to `onChange`.
 * The API still checks the key it is given when the permit is issued.
 */
export function AddressLookup({
  onChange,
  error,
}: {
  onChange(address: FoundAddress | null): void;
  /** What the API said about the address when issuing, shown under the lookup. */
  error: string | undefined;
}) {
  const { t, i18n } = useTranslation('admin-permits');
  const language = currentLanguage(i18n);
  const client = useClient();
  const [postcode, setPostcode] = useState('');
  const [houseNumber, setHouseNumber] = useState('');
  const [addition, setAddition] = useState('');
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const [looking, setLooking] = useState(false);
  const problems = outcome.kind === 'failed' ? problemsByPath(outcome.error, language) : new Map();

  const edit = (set: (value: string) => void) => (value: string) => {
    set(value);
    // What was found belongs to the address as it was typed then.
    if (outcome.kind !== 'idle') {
      setOutcome({ kind: 'idle' });
      onChange(null);
    }
  };

  const lookUp = async () => {
    const number = Number(houseNumber.trim());
    setLooking(true);
    const result = await client
      .query(
        FindAddressQuery,
        {
          postcode,
          houseNumber: Number.isSafeInteger(number) ? number : 0,
          addition: addition.trim() || null,
        },
        { requestPolicy: 'network-only' },
      )
      .toPromise();
    setLooking(false);
    if (result.error) {
      setOutcome({ kind: 'failed', error: result.error });
      onChange(null);
    } else if (result.data?.findAddress) {
      setOutcome({ kind: 'found', address: result.data.findAddress });
      onChange(result.data.findAddress);
    } else {
      setOutcome({ kind: 'notFound' });
      onChange(null);
    }
  };
  // Enter in these fields looks the address up; it does not issue the permit.
  const onEnter = (event: KeyboardEvent) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    void lookUp();
  };

  const input = (
    id: string,
    value: string,
    set: (value: string) => void,
    extra: Record<string, unknown>,
    problem?: string,
  ) => (
    <div className="field">
      <label htmlFor={id}>{t(`issue.address.${id.replace('issue-', '')}`)}</label>
      <input
        id={id}
        type="text"
        autoComplete="off"
        value={value}
        onChange={(event) => edit(set)(event.target.value)}
        onKeyDown={onEnter}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-error` : undefined}
        {...extra}
      />
      {problem && (
        <span id={`${id}-error`} className="field__error">
          {problem}
        </span>
      )}
    </div>
  );

  return (
    <fieldset className="admin-permits__address" aria-describedby="issue-address-hint">
      <legend>{t('issue.address.legend')}</legend>
      <p id="issue-address-hint" className="field__hint">
        {t('issue.address.hint')}
      </p>
      <div className="admin-permits__address-fields">
        {input(
          'issue-postcode',
          postcode,
          setPostcode,
          { maxLength: 7, autoCapitalize: 'characters' },
          problems.get('postcode'),
        )}
        {input(
          'issue-houseNumber',
          houseNumber,
          setHouseNumber,
          { inputMode: 'numeric', maxLength: 5 },
          problems.get('houseNumber'),
        )}
        {input('issue-addition', addition, setAddition, { maxLength: 10 })}
      </div>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => void lookUp()}
        disabled={looking}
      >
        {t('issue.address.find')}
      </button>
      <div aria-live="polite" data-testid="address-outcome">
        {outcome.kind === 'found' && (
          <p className="notice notice--success">
            {outcome.address.zoneCode
              ? t('issue.address.found', {
                  address: outcome.address.label,
                  zone: `${outcome.address.zoneCode} · ${outcome.address.zoneName}`,
                })
              : t('issue.address.foundNoZone', { address: outcome.address.label })}
          </p>
        )}
        {outcome.kind === 'notFound' && (
          <p className="notice notice--error">{t('issue.address.notFound')}</p>
        )}
      </div>
      {outcome.kind === 'failed' && problems.size === 0 && <ErrorNotice error={outcome.error} />}
      {error && outcome.kind !== 'found' && (
        <span id="issue-address-error" className="field__error">
          {error}
        </span>
      )}
    </fieldset>
  );
}
