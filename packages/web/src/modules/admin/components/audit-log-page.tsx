import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { endOfDay, startOfDay } from '@parkeer/domain/time/zoned-time';
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
  const [draft, setDraft] = useState(() => ({
    subjectType: search.get('onderwerp') ?? '',
    actor: search.get('beheerder') ?? '',
    from: search.get('van') ?? '',
    until: search.get('tot') ?? '',
  }));
  const [problem, setProblem] = useState(false);
  const count = log.entries.length;
  const { list, more } = useShowMore<HTMLOListElement>(count, log.showMore);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const wrongOrder = draft.from !== '' && draft.until !== '' && draft.until < draft.from;
    setProblem(wrongOrder);
    if (wrongOrder) return;
    const next = new URLSearchParams();
    if (draft.subjectType) next.set('onderwerp', draft.subjectType);
    if (draft.actor.trim()) next.set('beheerder', draft.actor.trim());
    if (draft.from) next.set('van', draft.from);
    if (draft.until) next.set('tot', draft.until);
    setSearch(next, { replace: true });
  };
  const clear = () => {
    setDraft({ subjectType: '', actor: '', from: '', until: '' });
    setProblem(false);
    setSearch(new URLSearchParams(), { replace: true });
  };
  const set = (field: keyof typeof draft) => (value: string) =>
    setDraft((current) => ({ ...current, [field]: value }));

  return (
    <section>
      <h1>{t('audit.title')}</h1>
      <p className="muted">{t('audit.intro')}</p>
      <form className="card audit-filters" onSubmit={apply} aria-label={t('audit.filters')}>
        <div className="field">
          <label htmlFor="audit-subject">{t('audit.subjectType')}</label>
          <select
            id="audit-subject"
            value={draft.subjectType}
            onChange={(event) => set('subjectType')(event.target.value)}
          >
            <option value="">{t('audit.allSubjects')}</option>
            {subjectTypes.map((type) => (
              <option key={type} value={type}>
                {t(`audit.subjectTypes.${type}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-actor">{t('audit.actor')}</label>
          <input
            id="audit-actor"
            type="search"
            autoComplete="off"
            aria-describedby="audit-actor-hint"
            value={draft.actor}
            onChange={(event) => set('actor')(event.target.value)}
          />
          <span id="audit-actor-hint" className="field__hint">
            {t('audit.actorHint')}
          </span>
        </div>
        <div className="field">
          <label htmlFor="audit-from">{t('audit.from')}</label>
          <input
            id="audit-from"
            type="date"
            value={draft.from}
            onChange={(event) => set('from')(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="audit-until">{t('audit.until')}</label>
          <input
            id="audit-until"
            type="date"
            value={draft.until}
            aria-invalid={problem || undefined}
            aria-describedby={problem ? 'audit-until-problem' : undefined}
            onChange={(event) => set('until')(event.target.value)}
          />
          {problem && (
            <span id="audit-until-problem" className="field__error" role="alert">
              {t('audit.untilBeforeFrom')}
            </span>
          )}
        </div>
        <div className="actions audit-filters__actions">
          <button type="submit" className="button">
            {t('audit.apply')}
          </button>
          <button type="button" className="button button--secondary" onClick={clear}>
            {t('audit.clear')}
          </button>
        </div>
      </form>

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
