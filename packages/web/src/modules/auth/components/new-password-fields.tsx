import type { CombinedError } from '@urql/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { failureOf } from '../../../app/errors.js';
import { currentLanguage } from '../../../app/i18n.js';
import { passwordMinLength } from '@parkeer/shared/password-length';
import { passwordProblems } from '../password-problems.js';

/**
 * Splits a failed request into what is wrong with the new password (shown at the password
 * fields) and any other error (shown by the page, e.g. an expired link).
 */
export function usePasswordFailure(error: CombinedError | undefined) {
  const { i18n } = useTranslation();
  const problems = error ? passwordProblems(failureOf(error), currentLanguage(i18n)) : [];
  return { problems, otherError: problems.length > 0 ? undefined : error };
}

/**
 * A new password typed twice, with the rules said beforehand and every broken one listed after
 * a refusal. A 'show password' switch spares phone users typing blind twice.
 */
export function NewPasswordFields({
  password,
  repeat,
  onPasswordChange,
  onRepeatChange,
  problems,
}: {
  password: string;
  repeat: string;
  onPasswordChange(value: string): void;
  onRepeatChange(value: string): void;
  problems: readonly string[];
}) {
  const { t } = useTranslation('auth');
  const [shown, setShown] = useState(false);
  const id = useId();
  const hintId = `${id}-hint`;
  const problemsId = `${id}-problems`;
  const describedBy = problems.length > 0 ? `${hintId} ${problemsId}` : hintId;
  const type = shown ? 'text' : 'password';
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-password`}>{t('newPassword.password')}</label>
        <input
          id={`${id}-password`}
          type={type}
          autoComplete="new-password"
          required
          aria-describedby={describedBy}
          aria-invalid={problems.length > 0}
          value={password}
          onChange={(event) => onPasswordChange(event.target.value)}
        />
        <span id={hintId} className="field__hint">
          {t('newPassword.hint', { min: passwordMinLength })}
        </span>
      </div>
      <div className="field">
        <label htmlFor={`${id}-repeat`}>{t('newPassword.repeat')}</label>
        <input
          id={`${id}-repeat`}
          type={type}
          autoComplete="new-password"
          required
          aria-invalid={problems.length > 0}
          value={repeat}
          onChange={(event) => onRepeatChange(event.target.value)}
        />
      </div>
      <div className="field field--inline">
        <input
          id={`${id}-show`}
          type="checkbox"
          checked={shown}
          onChange={(event) => setShown(event.target.checked)}
        />
        <label htmlFor={`${id}-show`}>{t('newPassword.show')}</label>
      </div>
      <PasswordProblems id={problemsId} problems={problems} />
    </>
  );
}

function PasswordProblems({ id, problems }: { id: string; problems: readonly string[] }) {
  if (problems.length === 0) return null;
  // Each problem is a sentence of its own: one per line, no heading needed.
  return (
    <div id={id} className="notice notice--error" role="alert">
      <ul className="list">
        {problems.map((problem) => (
          <li key={problem}>{problem}</li>
        ))}
      </ul>
    </div>
  );
}
