import { useTranslation } from 'react-i18next';
import type { ProblemsByPath } from '../../../app/errors.js';

/** A zone's code and name, with the API's problems beside them. */
export function ZoneFields({
  code,
  name,
  onCode,
  onName,
  problems,
  idPrefix,
}: {
  code: string;
  name: string;
  onCode(code: string): void;
  onName(name: string): void;
  problems: ProblemsByPath;
  idPrefix: string;
}) {
  const { t } = useTranslation('admin-zones');
  const field = (key: 'code' | 'name', value: string, set: (v: string) => void, max: number) => {
    const id = `${idPrefix}-${key}`;
    const error = problems.get(key);
    return (
      <div className="field">
        <label htmlFor={id}>{t(`fields.${key}`)}</label>
        <input
          id={id}
          value={value}
          maxLength={max}
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => set(event.target.value)}
        />
        {error && (
          <span id={`${id}-error`} className="field__error">
            {error}
          </span>
        )}
      </div>
    );
  };
  return (
    <>
      {field('code', code, onCode, 20)}
      {field('name', name, onName, 120)}
    </>
  );
}
