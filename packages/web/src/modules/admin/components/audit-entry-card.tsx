import { useTranslation } from 'react-i18next';
import { useFormats } from '../../../app/ui/format.js';
import { changedFields } from '../audit-diff.js';
import type { AuditEntry } from '../hooks/use-audit-log.js';

/** One change: when, who, what on which subject, and each changed field from before to after. */
export function AuditEntryCard({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation('admin');
  const formats = useFormats();
  const changes = changedFields(entry.before, entry.after);
  const subjectType = t(`audit.subjectTypes.${entry.subjectType}`, {
    defaultValue: entry.subjectType,
  });
  const kind = entry.before == null ? 'created' : entry.after == null ? 'removed' : null;
  return (
    <>
      <h2 className="audit-entry__title">
        <span>
          {subjectType} {entry.subjectLabel}
        </span>
        {kind && <span className="badge">{t(`audit.${kind}`)}</span>}
      </h2>
      <dl className="facts">
        <dt>{t('audit.when')}</dt>
        <dd>
          <time dateTime={entry.at}>
            {formats.date(entry.at)} {formats.time(entry.at)}
          </time>
        </dd>
        <dt>{t('audit.who')}</dt>
        <dd>{entry.actor}</dd>
        <dt>{t('audit.what')}</dt>
        <dd>
          <code>{entry.action}</code>
        </dd>
      </dl>
      {changes.length === 0 ? (
        <p className="muted">{t('audit.noChanges')}</p>
      ) : (
        <table className="audit-diff">
          <caption className="visually-hidden">{t('audit.changes')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('audit.field')}</th>
              <th scope="col">{t('audit.before')}</th>
              <th scope="col">{t('audit.after')}</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((change) => (
              <tr key={change.path}>
                <th scope="row">
                  <code>{change.path || subjectType}</code>
                </th>
                <td className="audit-diff__before">
                  {change.before === null ? (
                    <span className="muted">{t('audit.nothing')}</span>
                  ) : (
                    <code>{change.before}</code>
                  )}
                </td>
                <td className="audit-diff__after">
                  {change.after === null ? (
                    <span className="muted">{t('audit.nothing')}</span>
                  ) : (
                    <code>{change.after}</code>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
