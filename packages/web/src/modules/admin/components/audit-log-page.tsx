import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { endOfDay, startOfDay } from '@parkeer/domain/time/zoned-time';
import { Field } from '../../../app/form/field.js';
import { Form } from '../../../app/form/form.js';
import { Loading } from '../../../app/shell/loading.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { ShowMoreButton, useShowMore } from '../../../app/ui/show-more.js';
import { displayTimeZone } from '../../../app/ui/format.js';
import { useAuditLog, type AuditFilter } from '../hooks/use-audit-log.js';
import { AuditEntryCard } from './audit-entry-card.js';

/** The subjects admins change (docs/rules.md §8; issue 6): the choices of the subject filter. */
export const subjectTypes = [
  'municipality',
  'zone',
  'productType',
  'tariff',
  'permit',
  'careGrant',
  'fineWaiver',
  'outageCompensation',
] as const;

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

interface FilterValues {
  subjectType: string;
  actor: string;
  from: string;
  until: string;
}

const noFilter: FilterValues = { subjectType: '', actor: '', from: '', until: '' };

/** The filter in the address (so a filtered log can be shared and survives a reload). */
function filterOf(search: URLSearchParams): AuditFilter {
  const from = search.get('van') ?? '';
  const until = search.get('tot') ?? '';
  return {
    subjectType: search.get('onderwerp') || null,
    actor: search.get('beheerder')?.trim() || null,
    // Whole local days on the town's clock: from the first instant of `van` up to the end of `tot`.
    from: datePattern.test(from) ? startOfDay(from, displayTimeZone).toISOString() : null,
    until: datePattern.test(until) ? endOfDay(until, displayTimeZone).toISOString() : null,
  };
}

/**
 * Every change by the town's admins, newest first, filterable by subject, admin and days; each
 * entry says when, who, what, on which subject, and which fields changed from what to what.
 */
export default function AuditLogPage() {
  const { t } = useTranslation('admin');
  const [search, setSearch] = useSearchParams();
  const filter = useMemo(() => filterOf(search), [search]);
  const log = useAuditLog(filter);
  // One check (the days' order) beside its field: a filter bar needs no summary.
  const form = useForm<FilterValues>({
    defaultValues: {
      subjectType: search.get('onderwerp') ?? '',
      actor: search.get('beheerder') ?? '',
      from: search.get('van') ?? '',
      until: search.get('tot') ?? '',
    },
  });
  const count = log.entries.length;
  const { list, more } = useShowMore<HTMLOListElement>(count, log.showMore);

  const apply = (values: FilterValues) => {
    const next = new URLSearchParams();
    if (values.subjectType) next.set('onderwerp', values.subjectType);
    if (values.actor.trim()) next.set('beheerder', values.actor.trim());
    if (values.from) next.set('van', values.from);
    if (values.until) next.set('tot', values.until);
    setSearch(next, { replace: true });
  };
  const clear = () => {
    form.reset(noFilter);
    setSearch(new URLSearchParams(), { replace: true });
  };

  return (
    <section>
      <h1>{t('audit.title')}</h1>
      <p className="muted">{t('audit.intro')}</p>
      <Form
        form={form}
        onSubmit={apply}
        id="audit"
        className="card audit-filters"
        aria-label={t('audit.filters')}
      >
        <Field name="subjectType" label={t('audit.subjectType')}>
          {(control) => (
            <select {...control} {...form.register('subjectType')}>
              <option value="">{t('audit.allSubjects')}</option>
              {subjectTypes.map((type) => (
                <option key={type} value={type}>
                  {t(`audit.subjectTypes.${type}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="actor" label={t('audit.actor')} hint={t('audit.actorHint')} type="search" />
        <Field name="from" label={t('audit.from')} type="date" />
        <Field name="until" label={t('audit.until')}>
          {(control) => (
            <input
              {...control}
              {...form.register('until', {
                validate: (until, { from }) =>
                  from === '' || until === '' || until >= from || t('audit.untilBeforeFrom'),
              })}
              type="date"
            />
          )}
        </Field>
        <div className="actions audit-filters__actions">
          <button type="submit" className="button">
            {t('audit.apply')}
          </button>
          <button type="button" className="button button--secondary" onClick={clear}>
            {t('audit.clear')}
          </button>
        </div>
      </Form>

      <ErrorNotice error={log.error} />
      {count === 0 ? (
        log.loading ? (
          <Loading />
        ) : (
          !log.error && <p className="muted">{t('audit.empty')}</p>
        )
      ) : (
        <>
          <ol className="list" ref={list} data-testid="audit-log">
            {log.entries.map((entry) => (
              <li
                key={entry.id}
                className="card audit-entry"
                tabIndex={-1}
                data-testid="audit-entry"
              >
                <AuditEntryCard entry={entry} />
              </li>
            ))}
          </ol>
          <p className="muted" aria-live="polite">
            {t('audit.shown', { shown: count, total: log.totalCount ?? count })}
          </p>
          {log.loading && <Loading />}
          {log.hasMore && <ShowMoreButton onClick={more} />}
        </>
      )}
    </section>
  );
}
