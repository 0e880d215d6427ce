import { useEffect, useId, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { Field } from '../../../app/form/field.js';
import { Form } from '../../../app/form/form.js';
import { readFragment, type ResultOf } from '../../../app/graphql.js';
import { Loading } from '../../../app/shell/loading.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { useFormats } from '../../../app/ui/format.js';
import { RequestPermitFieldsFragment, RequestPermitSearchQuery } from '../graphql/requests.js';

export type RequestPermit = ResultOf<typeof RequestPermitFieldsFragment>;

/** Enough to choose among one search's permits; more is for the permits pages. */
const resultsShown = 10;

/** What tells a permit apart: code, product, zone, address, holder and balance. */
export function PermitSummary({ permit }: { permit: RequestPermit }) {
  const { t } = useTranslation('admin-requests');
  const format = useFormats();
  return (
    <>
      <span className="card__title request-permit__title">
        {permit.productCode} · {permit.productName}
      </span>
      <span className="request-permit__line">
        {permit.addressLabel} · {t('picker.zone', { zone: permit.zoneCode })}
      </span>
      <span className="request-permit__line muted">
        {permit.holderEmail ?? t('picker.notCoupled')}
        {permit.unit &&
          ` · ${t('picker.balance', { balance: format.balance(permit.balance, permit.unit) })}`}
        {permit.status !== 'active' && ` · ${t(`picker.status.${permit.status}`)}`}
      </span>
    </>
  );
}

/**
 * Finds a permit of the town (product code, plate, address or e-mail, as the permits pages
 * search) and lets the official choose one; once chosen, shows it with a way to choose again.
 */
export function PermitPicker({
  selected,
  onSelect,
}: {
  selected: RequestPermit | null;
  onSelect(permit: RequestPermit | null): void;
}) {
  const { t } = useTranslation('admin-requests');
  const id = useId();
  // One field: an empty search focuses it with its error, no summary above.
  const form = useForm<{ search: string }>({ defaultValues: { search: '' } });
  const [search, setSearch] = useState<string | null>(null);
  const [result] = useQuery({
    query: RequestPermitSearchQuery,
    variables: { search: search ?? '', first: resultsShown },
    pause: search === null,
  });
  const chosen = useRef<HTMLDivElement>(null);
  const searchBox = useRef<HTMLInputElement>(null);
  const picked = useRef(false);
  useEffect(() => {
    // Focus follows the choice: to the permit chosen, or back to the search to choose again.
    if (!picked.current) return;
    if (selected) chosen.current?.focus();
    else searchBox.current?.focus();
  }, [selected]);
  const choose = (permit: RequestPermit | null) => {
    picked.current = true;
    onSelect(permit);
  };

  if (selected) {
    return (
      <div
        className="card request-permit request-permit--chosen"
        ref={chosen}
        tabIndex={-1}
        aria-labelledby={`${id}-chosen`}
        role="group"
      >
        <span id={`${id}-chosen`} className="request-permit__label">
          {t('picker.chosen')}
        </span>
        <PermitSummary permit={selected} />
        <div className="actions">
          <button type="button" className="button button--secondary" onClick={() => choose(null)}>
            {t('picker.change')}
          </button>
        </div>
      </div>
    );
  }

  const searchField = form.register('search', {
    validate: (value) => value.trim() !== '' || t('picker.empty'),
  });
  const asked = result.operation?.variables.search;
  const found = search !== null && asked === search ? result.data?.adminPermits : undefined;
  const permits = found?.edges.map((edge) => readFragment(RequestPermitFieldsFragment, edge.node));

  return (
    <div className="request-picker">
      <Form
        form={form}
        onSubmit={(values) => setSearch(values.search.trim())}
        id={`picker${id}`}
        role="search"
      >
        <Field name="search" label={t('picker.search')} hint={t('picker.hint')}>
          {(control) => (
            <div className="request-picker__row">
              <input
                {...control}
                {...searchField}
                ref={(element) => {
                  searchField.ref(element);
                  searchBox.current = element;
                }}
                type="search"
                autoComplete="off"
              />
              <button type="submit" className="button">
                {t('picker.submit')}
              </button>
            </div>
          )}
        </Field>
      </Form>
      <ErrorNotice error={result.error} />
      {search !== null && !permits && !result.error && <Loading />}
      {permits && (
        <div aria-live="polite">
          {permits.length === 0 ? (
            <p className="muted">{t('picker.none')}</p>
          ) : (
            <>
              <ul className="list" aria-label={t('picker.results')}>
                {permits.map((permit) => (
                  <li key={permit.id} className="card request-permit">
                    <PermitSummary permit={permit} />
                    <div className="actions">
                      <button
                        type="button"
                        className="button button--secondary"
                        onClick={() => choose(permit)}
                      >
                        {t('picker.choose', { code: permit.productCode })}
                      </button>
                    </div>
                  </li>
                ))}
              </ul>
              {found && found.totalCount > permits.length && (
                <p className="muted">
                  {t('picker.more', { shown: permits.length, total: found.totalCount })}
                </p>
              )}
            </>
          )}
        </div>
      )}
    </div>
  );
}
