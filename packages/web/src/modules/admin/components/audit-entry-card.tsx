import { useTranslation } from 'react-i18next';
import { useFormats } from '../../../app/ui/format.js';
import { changedFields, type FieldChange } from '../audit-diff.js';
import { displayValue, fieldLabel, unitAt, type ValueContext } from '../audit-values.js';
import type { AuditEntry } from '../hooks/use-audit-log.js';

/** One side of a change: the value as an admin reads it, or a muted 'empty'. */
function ChangeValue({
  change,
  value,
  entry,
  context,
}: {
  change: FieldChange;
  value: unknown;
  entry: AuditEntry;
  context: ValueContext;
}) {
  if (value === undefined || value === null) {
    return <span className="muted">{context.t('audit.nothing')}</span>;
  }
  const unit = unitAt(change, entry.before, entry.after, context.balanceUnit);
  return <>{displayValue(change.path.at(-1), value, unit, context)}</>;
}

/** One change: when, who, what on which subject, and each changed field from before to after. */
export function AuditEntryCard({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation('admin');
  const formats = useFormats();
  const context: ValueContext = { t, formats, balanceUnit: entry.balanceUnit ?? null };
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
        <dd data-action={entry.action}>
          {t(`audit.actions.${entry.action.replaceAll('.', '_')}`, {
            defaultValue: entry.action,
          })}
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
              <tr key={change.path.join('.')} data-field={change.path.join('.')}>
                <th scope="row">{fieldLabel(change.path, t, subjectType)}</th>
                <td className="audit-diff__before">
                  <ChangeValue
                    change={change}
                    value={change.before}
                    entry={entry}
                    context={context}
                  />
                </td>
                <td className="audit-diff__after">
                  <ChangeValue
                    change={change}
                    value={change.after}
                    entry={entry}
                    context={context}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
