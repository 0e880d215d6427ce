import type { CombinedError } from '@urql/core';
import { useEffect, useState, type ReactNode } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n.js';
import { ErrorNotice } from '../ui/error-notice.js';
import { showServerProblems } from './server-problems.js';
import { SubmitButton } from './submit-button.js';

/** What a save through one mutation answers, as urql gives it. */
interface SaveResult<Data> {
  readonly data?: Data;
  readonly error?: CombinedError;
}

/**
 * The outcome of a form that saves one setting: "saved" shows until the form changes again, and
 * a refusal's problems go to their fields (`placed` of them; none: the refusal is shown whole).
 */
export function useSavedSetting<Values extends FieldValues>(form: UseFormReturn<Values>) {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const [placed, setPlaced] = useState(0);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    // What was saved is no longer what the form shows once it changes.
    const watching = form.watch(() => setSaved(false));
    return () => watching.unsubscribe();
  }, [form]);

  /** Runs the save; `accepted` (e.g. a reset to what the API stored) runs before "saved" shows. */
  async function track<Data>(
    save: () => Promise<SaveResult<Data>>,
    accepted?: (data: Data) => void,
  ): Promise<void> {
    setSaved(false);
    const result = await save();
    // The API names the places as the form does.
    setPlaced(showServerProblems(result.error, language, form.setError));
    if (result.data) {
      accepted?.(result.data);
      setSaved(true);
    }
  }

  return { placed, saved, track, changed: () => setSaved(false) };
}

/** The foot of such a form: the refusal not placed on a field, the button, and "saved". */
export function SavedSettingActions({
  outcome,
  error,
  busy,
  savedText,
  children,
}: {
  outcome: { placed: number; saved: boolean };
  error: CombinedError | undefined;
  busy: boolean;
  savedText: string;
  /** The button's text. */
  children: ReactNode;
}) {
  return (
    <>
      {outcome.placed === 0 && <ErrorNotice error={error} />}
      <div className="actions">
        <SubmitButton busy={busy}>{children}</SubmitButton>
      </div>
      <div role="status">
        {outcome.saved && <p className="notice notice--success">{savedText}</p>}
      </div>
    </>
  );
}
