import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Field } from '../../../app/form/field.js';
import { Form } from '../../../app/form/form.js';
import { Loading } from '../../../app/shell/loading.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { ShowMoreButton, useShowMore } from '../../../app/ui/show-more.js';
import { usePermitSearch } from '../hooks/use-permit-search.js';
import '../admin-permits.css';
import { PermitCard } from './permit-card.js';
import { usePermitStrings } from '../strings.js';

/** The search in the address (`?zoek=`), so a reload or the back button keeps the results. */
const searchParam = 'zoek';

/**
 * The town's permits found by plate, product code, address or e-mail, newest first, a page at
 * a time; each leads to its details. And the way to issue a new one.
 */
export default function PermitsPage() {
  return usePermitStrings() ? <PermitSearch /> : <Loading />;
}

function PermitSearch() {
  const { t } = useTranslation('admin-permits');
  const [params, setParams] = useSearchParams();
  const search = (params.get(searchParam) ?? '').trim();
  const form = useForm<{ search: string }>({ defaultValues: { search } });
  // Back and forward change the address: the box follows it.
  useEffect(() => form.reset({ search }), [search, form]);
  const found = usePermitSearch(search);
  const count = found.permits.length;
  const { list, more } = useShowMore<HTMLUListElement>(count, found.showMore);

  const submit = ({ search: typed }: { search: string }) => {
    const text = typed.trim();
    // Each search is a step back can return to.
    setParams(text ? { [searchParam]: text } : {});
  };

  return (
    <section>
      <div className="admin-permits__title-row">
        <h1>{t('list.title')}</h1>
        <Link className="button button--secondary" to="/beheer/vergunningen/uitgeven">
          {t('list.issue')}
        </Link>
      </div>
      <Form
        form={form}
        onSubmit={submit}
        id="permit"
        className="card admin-permits__search"
        role="search"
      >
        <Field name="search" label={t('list.search')} hint={t('list.searchHint')}>
          {(control) => (
            <div className="admin-permits__search-row">
              <input
                {...control}
                {...form.register('search')}
                type="search"
                autoComplete="off"
                spellCheck={false}
                maxLength={200}
              />
              <button type="submit" className="button">
                {t('list.find')}
              </button>
            </div>
          )}
        </Field>
      </Form>

      <ErrorNotice error={found.error} />
      {search === '' ? (
        <p className="muted">{t('list.start')}</p>
      ) : count === 0 ? (
        found.loading ? (
          <Loading />
        ) : (
          !found.error && (
            <p className="muted" role="status">
              {t('list.none', { search })}
            </p>
          )
        )
      ) : (
        <>
          <p className="muted" aria-live="polite">
            {t('list.shown', { shown: count, total: found.totalCount ?? count })}
          </p>
          <ul className="list" ref={list} aria-label={t('list.results')}>
            {found.permits.map((permit) => (
              <li key={permit.id} className="card" tabIndex={-1} data-testid="permit-result">
                <PermitCard permit={permit} />
              </li>
            ))}
          </ul>
          {found.loading && <Loading />}
          {found.hasMore && <ShowMoreButton onClick={more} />}
        </>
      )}
    </section>
  );
}
